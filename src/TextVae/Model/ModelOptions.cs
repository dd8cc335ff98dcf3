
namespace TextVae.Model;

/// <summary>The <c>model</c> section: the architecture of a <see cref="SentenceVae"/>.</summary>
public sealed record ModelOptions
{
    /// <summary>Set from the tokenizer when training starts (a value in a file is replaced); stored so a checkpoint rebuilds the same shapes.</summary>
    public int VocabularySize { get; init; }

    public int EmbeddingSize { get; init; } = 256;
    public int HiddenSize { get; init; } = 256;
    public int LatentSize { get; init; } = 32;

    /// <summary>"lstm", "gru" or "transformer".</summary>
    public string Encoder { get; init; } = "lstm";
    public int EncoderLayers { get; init; } = 1;

    /// <summary>RNN encoders read the sentence in both directions and concatenate the final states.</summary>
    public bool Bidirectional { get; init; } = true;

    /// <summary>"lstm", "gru" or "transformer".</summary>
    public string Decoder { get; init; } = "lstm";
    public int DecoderLayers { get; init; } = 1;

    /// <summary>Feed z to every decoder step as well as to its start: concatenated to each input embedding for RNNs, added to each position for the Transformer.</summary>
    public bool LatentToEveryStep { get; init; }

    /// <summary>Transformer decoder: z as a memory token that every position attends to.</summary>
    public bool LatentAsMemory { get; init; } = true;

    public int TransformerHeads { get; init; } = 4;
    public int TransformerFeedForward { get; init; } = 512;
    public double TransformerDropout { get; init; } = 0.1;

    /// <summary>Transformer positions: "learned" or "sinusoidal".</summary>
    public string Positions { get; init; } = "sinusoidal";

    /// <summary>Transformer encoder summary: "mean" over real tokens, or "summary" (a learned first token).</summary>
    public string Pooling { get; init; } = "mean";

    /// <summary>Longest sequence the Transformer's positions cover (tokens plus &lt;bos&gt;/&lt;eos&gt;).</summary>
    public int MaxPositions { get; init; } = 256;

    /// <summary>Share the input embedding with the output projection (Press and Wolf 2017).</summary>
    public bool TieEmbeddings { get; init; }

    public double EmbeddingDropout { get; init; }
    public double OutputDropout { get; init; }

    public static readonly string[] Cells = ["lstm", "gru", "transformer"];

    public void Validate()
    {
        ConfigCheck.Positive(EmbeddingSize, "model.embeddingSize");
        ConfigCheck.Positive(HiddenSize, "model.hiddenSize");
        ConfigCheck.Positive(LatentSize, "model.latentSize");
        ConfigCheck.OneOf(Encoder, "model.encoder", Cells);
        ConfigCheck.Positive(EncoderLayers, "model.encoderLayers");
        ConfigCheck.OneOf(Decoder, "model.decoder", Cells);
        ConfigCheck.Positive(DecoderLayers, "model.decoderLayers");
        ConfigCheck.Positive(TransformerHeads, "model.transformerHeads");
        ConfigCheck.Positive(TransformerFeedForward, "model.transformerFeedForward");
        ConfigCheck.InRange(TransformerDropout, 0, 0.99, "model.transformerDropout");
        ConfigCheck.OneOf(Positions, "model.positions", "learned", "sinusoidal");
        ConfigCheck.OneOf(Pooling, "model.pooling", "mean", "summary");
        ConfigCheck.Positive(MaxPositions, "model.maxPositions");
        ConfigCheck.InRange(EmbeddingDropout, 0, 0.99, "model.embeddingDropout");
        ConfigCheck.InRange(OutputDropout, 0, 0.99, "model.outputDropout");
        if ((Encoder == "transformer" || Decoder == "transformer") && HiddenSize % TransformerHeads != 0)
            throw new TextVaeException($"model.hiddenSize ({HiddenSize}) must be divisible by model.transformerHeads ({TransformerHeads})");
        if (Decoder == "transformer" && !LatentAsMemory && !LatentToEveryStep)
            throw new TextVaeException("model.latentAsMemory or model.latentToEveryStep must be true for a transformer decoder, or it never sees z");
    }
}
