
namespace TextVae.Model;

/// <summary>The <c>model</c> section: the architecture of a <see cref="SentenceVae"/>.</summary>
public sealed record ModelOptions
{
    /// <summary>Set from the tokenizer when training starts (a value in a file is replaced); stored so a checkpoint rebuilds the same shapes.</summary>
    public int VocabularySize { get; init; }

    public int EmbeddingSize { get; init; } = 256;
    public int HiddenSize { get; init; } = 256;
    /// <summary>
    /// Dimensions of z. 0 builds the language-model baseline (Bowman et al. 2016 compare each VAE with one): no
    /// encoder, the decoder alone from a zero start state, KL 0, trained and evaluated by the same commands.
    /// </summary>
    public int LatentSize { get; init; } = 32;

    /// <summary>True for the language-model baseline (<see cref="LatentSize"/> 0).</summary>
    public bool IsLanguageModel => LatentSize == 0;

    public CellKind Encoder { get; init; } = CellKind.Lstm;
    public int EncoderLayers { get; init; } = 1;

    /// <summary>RNN encoders read the sentence in both directions and concatenate the final states.</summary>
    public bool Bidirectional { get; init; } = true;

    /// <summary>
    /// An LSTM or GRU encoder reads each sentence backwards (Sutskever et al. 2014): its final state then sits right
    /// after the first words, which the decoder must produce first. Padding stays behind the real tokens, so a
    /// unidirectional encoder keeps its fused kernel.
    /// </summary>
    public bool ReverseEncoderInput { get; init; }

    /// <summary>What an LSTM or GRU encoder hands to the latent heads.</summary>
    public RnnSummary RnnSummary { get; init; } = RnnSummary.Final;

    public CellKind Decoder { get; init; } = CellKind.Lstm;
    public int DecoderLayers { get; init; } = 1;

    /// <summary>Feed z to every decoder step as well as to its start: concatenated to each input embedding for RNNs, added to each position for the Transformer.</summary>
    public bool LatentToEveryStep { get; init; }

    /// <summary>
    /// Bag-of-words loss (Zhao et al. 2017): an extra head, an MLP from z, predicts every word of the sentence
    /// regardless of order, and its negative log-likelihood is added to the training loss. It makes z carry the
    /// sentence's content early, before the decoder has learnt to do without it. Training only: ELBO, NLL and
    /// every evaluation figure leave it out.
    /// </summary>
    public bool BagOfWords { get; init; }

    /// <summary>
    /// The output layer reads z beside each decoder hidden state, logits from [h_t; z] (Dieng et al. 2019, skip-VAE):
    /// z reaches every prediction directly instead of only through the recurrence.
    /// </summary>
    public bool LatentToOutput { get; init; }

    /// <summary>
    /// BN-VAE (Zhu et al. 2020): μ is batch-normalised and scaled by this fixed γ (a learned shift follows), which holds
    /// each dimension's expected KL at γ²/2 or more without clipping the ELBO's gradient; 0 turns it off.
    /// </summary>
    public double LatentBatchNormScale { get; init; }

    /// <summary>Transformer decoder: z as a memory token that every position attends to.</summary>
    public bool LatentAsMemory { get; init; } = true;

    public int TransformerHeads { get; init; } = 4;
    public int TransformerFeedForward { get; init; } = 512;
    public double TransformerDropout { get; init; } = 0.1;

    public PositionKind Positions { get; init; } = PositionKind.Sinusoidal;

    public EncoderPooling Pooling { get; init; } = EncoderPooling.Mean;

    /// <summary>Longest sequence the Transformer's positions cover (tokens plus &lt;bos&gt;/&lt;eos&gt;).</summary>
    public int MaxPositions { get; init; } = 256;

    /// <summary>Share the input embedding with the output projection (Press and Wolf 2017).</summary>
    public bool TieEmbeddings { get; init; }

    public double EmbeddingDropout { get; init; }
    public double OutputDropout { get; init; }

    public void Validate()
    {
        ConfigCheck.Positive(EmbeddingSize, "model.embeddingSize");
        ConfigCheck.Positive(HiddenSize, "model.hiddenSize");
        ConfigCheck.NotNegative(LatentSize, "model.latentSize");
        ConfigCheck.Defined(Encoder, "model.encoder");
        ConfigCheck.Positive(EncoderLayers, "model.encoderLayers");
        ConfigCheck.Defined(Decoder, "model.decoder");
        ConfigCheck.Positive(DecoderLayers, "model.decoderLayers");
        ConfigCheck.Positive(TransformerHeads, "model.transformerHeads");
        ConfigCheck.Positive(TransformerFeedForward, "model.transformerFeedForward");
        ConfigCheck.InRange(TransformerDropout, 0, 0.99, "model.transformerDropout");
        ConfigCheck.Defined(Positions, "model.positions");
        ConfigCheck.Defined(Pooling, "model.pooling");
        ConfigCheck.Defined(RnnSummary, "model.rnnSummary");
        ConfigCheck.NotNegative(LatentBatchNormScale, "model.latentBatchNormScale");
        ConfigCheck.Positive(MaxPositions, "model.maxPositions");
        ConfigCheck.InRange(EmbeddingDropout, 0, 0.99, "model.embeddingDropout");
        ConfigCheck.InRange(OutputDropout, 0, 0.99, "model.outputDropout");
        if ((Encoder == CellKind.Transformer || Decoder == CellKind.Transformer) && HiddenSize % TransformerHeads != 0)
            throw new TextVaeException($"model.hiddenSize ({HiddenSize}) must be divisible by model.transformerHeads ({TransformerHeads})");
        if (LatentToOutput && IsLanguageModel)
            throw new TextVaeException("model.latentToOutput feeds z to the output layer and needs model.latentSize > 0");
        if (BagOfWords && IsLanguageModel)
            throw new TextVaeException("model.bagOfWords predicts words from z and needs model.latentSize > 0");
        if (Decoder == CellKind.Transformer && !IsLanguageModel && !LatentAsMemory && !LatentToEveryStep)
            throw new TextVaeException("model.latentAsMemory or model.latentToEveryStep must be true for a transformer decoder, or it never sees z");
    }
}
