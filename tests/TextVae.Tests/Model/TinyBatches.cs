using TextVae.Data;
using TextVae.Model;

namespace TextVae.Tests.Model;

/// <summary>Hand-made batches and tiny model options for model tests.</summary>
internal static class TinyBatches
{
    public const int Vocabulary = 30;

    public static ModelOptions Options(CellKind encoder = CellKind.Lstm, CellKind decoder = CellKind.Lstm) => new()
    {
        VocabularySize = Vocabulary,
        EmbeddingSize = 16,
        HiddenSize = 32,
        LatentSize = 8,
        Encoder = encoder,
        Decoder = decoder,
        TransformerHeads = 2,
        TransformerFeedForward = 32,
        TransformerDropout = 0,
        MaxPositions = 40,
    };

    /// <summary>Sentences of word ids (4 … Vocabulary−1) as one padded batch.</summary>
    public static SentenceBatch Of(params int[][] sentences) =>
        new BucketedBatcher(sentences, new DataOptions { BatchSize = sentences.Length }).MakeBatch(Enumerable.Range(0, sentences.Length).ToArray());

    public static readonly int[][] Eight =
    [
        [4, 5, 6, 7],
        [8, 9, 10],
        [11, 12, 13, 14, 15, 16],
        [17, 5, 18],
        [19, 20, 21, 22, 23],
        [24, 25, 6, 26],
        [27, 28, 29, 4, 9],
        [10, 11, 27],
    ];
}
