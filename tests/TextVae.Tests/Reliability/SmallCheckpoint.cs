using TextVae.Configuration;
using TextVae.Model;
using TextVae.Tokenization;
using TextVae.Checkpoints;
using static TorchSharp.torch;

namespace TextVae.Tests.Reliability;

/// <summary>A real checkpoint of an untrained, very small model (a few kilobytes), written in milliseconds.</summary>
internal static class SmallCheckpoint
{
    public static string Write(string path)
    {
        var tokenizer = new WordTokenizer(["the", "cat", "sat", "."], lowercase: true);
        var config = new TrainConfig
        {
            Model = new ModelOptions
            {
                VocabularySize = tokenizer.VocabularySize,
                EmbeddingSize = 4,
                HiddenSize = 4,
                LatentSize = 2,
                Encoder = CellKind.Gru,
                Decoder = CellKind.Gru,
            },
        };
        using var model = new SentenceVae(config.Model);
        using var optimizer = optim.Adam(model.parameters());
        Checkpoint.Capture(config, tokenizer, model, optimizer, new TrainingState { Step = 3, LearningRate = 1e-3 }, null).Save(path);
        return path;
    }
}
