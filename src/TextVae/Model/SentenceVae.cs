using TextVae.Data;
using TextVae.Tokenization;
using Modules = TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace TextVae.Model;

/// <summary>
/// The sentence VAE of Bowman et al. (2016): an encoder gives q(z|x), a decoder gives p(x|z), and training
/// maximises the ELBO  E_q[log p(x|z)] − KL(q(z|x) ‖ N(0, I)). Works on <see cref="SentenceBatch"/> rows
/// <c>&lt;bos&gt; w1 … wn &lt;eos&gt;</c>: the encoder reads <c>w1 … wn &lt;eos&gt;</c>, the decoder reads
/// <c>&lt;bos&gt; w1 … wn</c> and predicts <c>w1 … wn &lt;eos&gt;</c>.
/// </summary>
public sealed class SentenceVae : Module<Tensor, Tensor, (Tensor Mu, Tensor LogVar)>
{
    private readonly Modules.Embedding embedding;
    private readonly Modules.Dropout embeddingDropout;
    private readonly SentenceEncoder? encoder;
    private readonly GaussianLatent? latent;
    private readonly SentenceDecoder decoder;
    private readonly Modules.Dropout outputDropout;
    private readonly Modules.Linear? toEmbedding;
    private readonly Modules.Linear? output;
    private readonly Modules.Sequential? bagOfWords;

    public SentenceVae(ModelOptions options) : base(nameof(SentenceVae))
    {
        if (options.VocabularySize <= SpecialTokens.Count)
            throw new TextVaeException($"model.vocabularySize must exceed the {SpecialTokens.Count} special tokens (got {options.VocabularySize})");
        Options = options;
        embedding = Embedding(options.VocabularySize, options.EmbeddingSize, padding_idx: SpecialTokens.Pad);
        embeddingDropout = Dropout(options.EmbeddingDropout);
        if (!options.IsLanguageModel)
        {
            encoder = SentenceEncoder.Create(options);
            latent = new GaussianLatent(encoder.OutputSize, options.LatentSize, options.LatentBatchNormScale);
        }
        decoder = SentenceDecoder.Create(options);
        outputDropout = Dropout(options.OutputDropout);
        if (options.BagOfWords)
            bagOfWords = Sequential(Linear(options.LatentSize, options.HiddenSize), Tanh(), Linear(options.HiddenSize, options.VocabularySize));
        if (options.TieEmbeddings)
            toEmbedding = Linear(FeatureSize, options.EmbeddingSize);
        else
            output = Linear(FeatureSize, options.VocabularySize);
        RegisterComponents();
    }

    public ModelOptions Options { get; }

    /// <summary>Width of what the output layer reads at each position: the decoder's hidden vector, and z after it with <see cref="ModelOptions.LatentToOutput"/>.</summary>
    private long FeatureSize => decoder.OutputSize + (Options.LatentToOutput ? Options.LatentSize : 0);

    /// <summary>The inference network: encoder and latent heads (not the embedding, which the decoder shares).</summary>
    public IEnumerable<Modules.Parameter> EncoderParameters() =>
        encoder is null || latent is null ? [] : encoder.parameters().Concat(latent.parameters());

    /// <summary>
    /// Re-initialises the decoder and the output layer as a new model of the same options would be (Li et al. 2019
    /// reset the decoder after autoencoder pretraining); the encoder, latent heads and shared embedding are kept.
    /// </summary>
    public void ResetDecoder()
    {
        using var noGrad = no_grad();
        using var freshDecoder = SentenceDecoder.Create(Options);
        decoder.load_state_dict(freshDecoder.state_dict());
        using var freshOutput = Linear(FeatureSize, toEmbedding is not null ? Options.EmbeddingSize : Options.VocabularySize);
        (toEmbedding ?? output!).load_state_dict(freshOutput.state_dict());
    }

    /// <summary>
    /// The most tokens a sentence may have for the model to read and score it whole: a Transformer's positions cover
    /// the sentence plus one of &lt;bos&gt;/&lt;eos&gt; (<see cref="ModelOptions.MaxPositions"/>); an RNN has no limit (null).
    /// </summary>
    public int? LongestSentence => Options.Encoder == CellKind.Transformer || Options.Decoder == CellKind.Transformer ? Options.MaxPositions - 1 : null;

    /// <summary>q(z|x) for a batch; an alias of <see cref="Encode"/> so the module can be called.</summary>
    public override (Tensor Mu, Tensor LogVar) forward(Tensor encoderInput, Tensor lengths) => Encode(encoderInput, lengths);

    /// <param name="encoderInput">[batch, seq] ids <c>w1 … wn &lt;eos&gt; &lt;pad&gt;…</c></param>
    /// <param name="lengths">[batch]</param>
    /// <returns>μ and log σ² of q(z|x), each [batch, latent]; [batch, 0] for the language-model baseline.</returns>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor encoderInput, Tensor lengths)
    {
        if (encoder is null || latent is null)
        {
            var none = zeros([encoderInput.shape[0], 0], dtype: embedding.weight!.dtype, device: encoderInput.device); // [batch, 0]
            return (none, none.clone());
        }
        var embedded = embeddingDropout.call(embedding.call(encoderInput)); // [batch, seq, embedding]
        return latent.call(encoder.call(embedded, lengths));
    }

    /// <summary>Teacher-forced features for the output layer: the decoder's hidden states, each followed by z with <see cref="ModelOptions.LatentToOutput"/>.</summary>
    /// <param name="z">[batch, latent]</param>
    /// <param name="decoderInput">[batch, seq] ids <c>&lt;bos&gt; w1 … wn &lt;pad&gt;…</c></param>
    /// <returns>[batch, seq, features]</returns>
    public Tensor Decode(Tensor z, Tensor decoderInput)
    {
        var hidden = decoder.call(embeddingDropout.call(embedding.call(decoderInput)), z); // [batch, seq, hidden]
        return Options.LatentToOutput ? SentenceDecoder.WithLatent(hidden, z) : hidden;
    }

    /// <summary>The output projection's number format in training mode; evaluation mode always uses float32.</summary>
    public ProjectionPrecision TrainingProjection { get; set; } = ProjectionPrecision.Float32;

    /// <summary>Token logits from the output layer's features (<see cref="Decode"/>): [..., features] → [..., vocabulary].</summary>
    public Tensor Logits(Tensor hidden)
    {
        hidden = outputDropout.call(hidden);
        var (features, weight, bias) = toEmbedding is not null
            ? (toEmbedding.call(hidden), embedding.weight!, null) // tied: the embedding matrix scores the tokens
            : (hidden, output!.weight!, output.bias);
        if (!training || TrainingProjection != ProjectionPrecision.Bfloat16)
            return linear(features, weight, bias);
        return linear(features.to(ScalarType.BFloat16), weight.to(ScalarType.BFloat16), bias?.to(ScalarType.BFloat16)).to(features.dtype);
    }

    public DecoderState StartDecoding(Tensor z) => decoder.Start(z);

    /// <summary>One generation step.</summary>
    /// <param name="previous">[batch] ids of the previous token.</param>
    /// <returns>Logits of the next token [batch, vocabulary], and the state after it.</returns>
    public (Tensor Logits, DecoderState Next) DecodeStep(Tensor previous, DecoderState state)
    {
        var (hidden, next) = decoder.Step(embedding.call(previous), state); // [batch, hidden]
        return (Logits(Options.LatentToOutput ? SentenceDecoder.WithLatent(hidden.unsqueeze(1), state.Z).squeeze(1) : hidden), next);
    }

    /// <summary>
    /// The negative ELBO with the collapse remedies in force: word dropout on the decoder input (in training mode
    /// only), the KL weighted by <paramref name="klWeight"/>, and free bits, which floor either each dimension's
    /// batch-mean KL at λ (the "KL per dimension over the minibatch" variant of Kingma et al. 2016) or each
    /// sentence's total KL at a target (Li et al. 2019). A floored term has no gradient below its floor.
    /// </summary>
    public VaeLoss Loss(SentenceBatch batch, double klWeight, ObjectiveOptions objective, Generator? wordDropoutRandom = null)
    {
        var (decoderInput, targets, encoderInput) = Split(batch.Tokens);
        var (mu, logVar) = training && objective.EncoderWordDeletion > 0
            ? EncodeWithDeletions(encoderInput, batch.Lengths, objective.EncoderWordDeletion, wordDropoutRandom)
            : Encode(encoderInput, batch.Lengths);
        var z = training && !objective.DeterministicLatent ? GaussianLatent.Reparameterize(mu, logVar) : mu;
        if (training)
            decoderInput = WordDropout.Apply(decoderInput, objective.WordDropout, wordDropoutRandom);

        var reconstruction = ReconstructionNll(z, decoderInput, targets, batch.Lengths).sum() / batch.Size;
        var klPerSentenceAndDimension = GaussianLatent.KlPerDimension(mu, logVar); // [batch, latent]
        var klPerDimension = klPerSentenceAndDimension.mean([0]); // [latent]
        var kl = klPerDimension.sum();
        var klTerm = FreeBits.KlTerm(klPerSentenceAndDimension, objective);
        var loss = objective.DeterministicLatent ? reconstruction : reconstruction + klWeight * klTerm;
        if (bagOfWords is not null)
            loss = loss + BagOfWordsNll(z, targets, batch.Lengths).sum() / batch.Size;
        return new VaeLoss(loss, reconstruction, kl, klTerm, klPerDimension);
    }

    /// <summary>q(z|x̃) of a denoising autoencoder (Shen et al. 2020): the encoder reads each sentence with some words deleted.</summary>
    private (Tensor Mu, Tensor LogVar) EncodeWithDeletions(Tensor encoderInput, Tensor lengths, double rate, Generator? random)
    {
        var (kept, keptLengths) = WordDeletion.Apply(encoderInput, lengths, rate, random);
        return Encode(kept, keptLengths);
    }

    /// <summary>Zhao et al. (2017): −Σ_t log f(z)[w_t] over the sentence's target tokens, f a softmax over the vocabulary predicted from z alone.</summary>
    /// <param name="z">[batch, latent]</param>
    /// <param name="targets">[batch, seq]</param>
    /// <param name="lengths">[batch]</param>
    /// <returns>[batch] nats.</returns>
    private Tensor BagOfWordsNll(Tensor z, Tensor targets, Tensor lengths)
    {
        var logProbabilities = log_softmax(bagOfWords!.call(z), 1); // [batch, vocabulary]
        var mask = SentenceBatch.MaskFromLengths(lengths, targets.shape[1]); // [batch, seq]
        return -logProbabilities.gather(1, targets).masked_fill(mask.logical_not(), 0).sum(1); // [batch]
    }

    /// <summary>−log p(x|z) per sentence, computing the output projection only at real (non-padding) positions.</summary>
    /// <param name="z">[batch, latent]</param>
    /// <param name="decoderInput">[batch, seq]</param>
    /// <param name="targets">[batch, seq]</param>
    /// <param name="lengths">[batch]</param>
    /// <returns>[batch] nats.</returns>
    public Tensor ReconstructionNll(Tensor z, Tensor decoderInput, Tensor targets, Tensor lengths)
    {
        var hidden = Decode(z, decoderInput); // [batch, seq, hidden]
        var mask = SentenceBatch.MaskFromLengths(lengths, targets.shape[1]); // [batch, seq]
        var real = mask.reshape(-1).nonzero().squeeze(1); // [tokens]
        var logits = Logits(hidden.reshape(-1, hidden.shape[2]).index_select(0, real)); // [tokens, vocabulary]
        var tokenNll = cross_entropy(logits, targets.reshape(-1).index_select(0, real), reduction: Reduction.None); // [tokens]
        var sentence = arange(targets.shape[0], device: targets.device).unsqueeze(1).expand_as(targets).reshape(-1).index_select(0, real);
        return zeros(targets.shape[0], dtype: tokenNll.dtype, device: tokenNll.device).index_add(0, sentence, tokenNll, 1); // [batch]
    }

    /// <summary>log p(x|z) for several z per sentence, as importance sampling needs.</summary>
    /// <param name="z">[samples, batch, latent]</param>
    /// <returns>[samples, batch]</returns>
    public Tensor LogLikelihood(Tensor z, SentenceBatch batch)
    {
        var samples = z.shape[0];
        var (decoderInput, targets, _) = Split(batch.Tokens);
        var nll = ReconstructionNll(
            z.reshape(samples * z.shape[1], z.shape[2]), // [samples · batch, latent]; explicit, as the latent may have 0 dimensions
            decoderInput.repeat(samples, 1),
            targets.repeat(samples, 1),
            batch.Lengths.repeat(samples));
        return -nll.view(samples, -1);
    }

    /// <summary>The three views of a batch: decoder input, targets and encoder input.</summary>
    public static (Tensor DecoderInput, Tensor Targets, Tensor EncoderInput) Split(Tensor tokens)
    {
        var decoderInput = tokens[TensorIndex.Colon, TensorIndex.Slice(0, -1)]; // [batch, seq]: <bos> w1 … wn
        var targets = tokens[TensorIndex.Colon, TensorIndex.Slice(1)]; // [batch, seq]: w1 … wn <eos>
        return (decoderInput, targets, targets);
    }
}
