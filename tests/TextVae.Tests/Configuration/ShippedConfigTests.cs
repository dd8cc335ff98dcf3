using TextVae.Configuration;
using TextVae.Model;
using TextVae.Tokenization;

namespace TextVae.Tests.Configuration;

public class ShippedConfigTests
{
    [Fact]
    public void The_bowman_ptb_config_loads_with_the_papers_settings()
    {
        var config = TrainConfig.Load(RepositoryFiles.Get("configs/bowman-ptb.json"));

        Assert.Equal((353, 191, 13), (config.Model.EmbeddingSize, config.Model.HiddenSize, config.Model.LatentSize));
        Assert.Equal((CellKind.Lstm, CellKind.Lstm, false), (config.Model.Encoder, config.Model.Decoder, config.Model.Bidirectional));
        Assert.Equal(0.38, config.Objective.WordDropout);
        Assert.Equal(KlScheduleKind.Logistic, config.Objective.KlSchedule.Kind);
        Assert.Equal((TokenizerKind.Word, 10_002), (config.Tokenizer.Kind, config.Tokenizer.Size));
        Assert.Null(config.Data.Train); // the user passes --train and --valid: PTB is not shipped
    }
}
