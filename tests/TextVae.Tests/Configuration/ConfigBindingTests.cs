using Microsoft.Extensions.Configuration;
using TextVae.Configuration;

namespace TextVae.Tests.Configuration;

public class ConfigBindingTests
{
    private static IConfiguration Json(string json, params string[] sets) =>
        new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            .AddInMemoryCollection(ConfigBinding.ParseOverrides(sets))
            .Build();

    [Fact]
    public void Binds_values_and_keeps_defaults_for_missing_keys()
    {
        var options = ConfigBinding.Bind<TrainingOptions>(Json("""{"training":{"epochs":8,"learningRate":0.01}}"""), "training");

        Assert.Equal(8, options.Epochs);
        Assert.Equal(0.01, options.LearningRate);
        Assert.Equal(new TrainingOptions().LogEvery, options.LogEvery);
    }

    [Fact]
    public void Set_overrides_win_over_the_file()
    {
        var options = ConfigBinding.Bind<TrainingOptions>(Json("""{"training":{"epochs":8}}""", "training.epochs=64"), "training");

        Assert.Equal(64, options.Epochs);
    }

    [Fact]
    public void An_unknown_key_is_named()
    {
        var error = Assert.ThrowsAny<TextVaeException>(() =>
            ConfigBinding.Bind<TrainingOptions>(Json("""{"training":{"epochz":8}}"""), "training"));

        Assert.Contains("training.epochz", error.Message);
    }

    [Fact]
    public void A_bad_value_is_named_with_its_key()
    {
        var error = Assert.ThrowsAny<TextVaeException>(() =>
            ConfigBinding.Bind<TrainingOptions>(Json("""{"training":{"epochs":"many"}}"""), "training"));

        Assert.Contains("training.epochs", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_unknown_section_and_a_malformed_set_are_errors()
    {
        Assert.Contains("trainig", Assert.ThrowsAny<TextVaeException>(() =>
            ConfigBinding.RequireKnownSections(Json("""{"trainig":{}}"""), "training")).Message);
        Assert.Contains("key=value", Assert.ThrowsAny<TextVaeException>(() => ConfigBinding.ParseOverrides(["batchSize"])).Message);
    }

    [Fact]
    public void Validation_names_the_field()
    {
        var error = Assert.ThrowsAny<TextVaeException>(() => new TrainingOptions { Epochs = 0 }.Validate());

        Assert.StartsWith("training.epochs", error.Message);
    }

    [Fact]
    public void The_latent_path_settings_bind_by_their_spelled_names_and_bad_values_are_named()
    {
        var model = ConfigBinding.Bind<TextVae.Model.ModelOptions>(
            Json("""{"model":{"reverseEncoderInput":true,"rnnSummary":"finalAndMean","latentToOutput":true,"latentBatchNormScale":0.6}}"""), "model");
        var objective = ConfigBinding.Bind<TextVae.Model.ObjectiveOptions>(
            Json("""{"objective":{"deterministicLatent":true,"encoderWordDeletion":0.2}}"""), "objective");

        Assert.True(model.ReverseEncoderInput && model.LatentToOutput && objective.DeterministicLatent);
        Assert.Equal(TextVae.Model.RnnSummary.FinalAndMean, model.RnnSummary);
        Assert.Equal(0.6, model.LatentBatchNormScale);
        Assert.Equal(0.2, objective.EncoderWordDeletion);
        Assert.StartsWith("model.latentBatchNormScale", Assert.ThrowsAny<TextVaeException>(() => (model with { LatentBatchNormScale = -1 }).Validate()).Message);
        Assert.StartsWith("objective.encoderWordDeletion", Assert.ThrowsAny<TextVaeException>(() => (objective with { EncoderWordDeletion = 1 }).Validate()).Message);
        Assert.StartsWith("model.latentToOutput", Assert.ThrowsAny<TextVaeException>(() => (model with { LatentSize = 0, VocabularySize = 10 }).Validate()).Message);
    }
}

public class TrainConfigTests
{
    [Fact]
    public void The_file_then_the_environment_then_set_overrides_decide_each_value()
    {
        var path = RepositoryFiles.Get("configs/tiny.json");
        Environment.SetEnvironmentVariable("TEXTVAE__training__epochs", "5");
        Environment.SetEnvironmentVariable("TEXTVAE__training__seed", "99");
        try
        {
            var config = TrainConfig.Load(path, ["training.seed=3"]);

            Assert.Equal(5, config.Training.Epochs);
            Assert.Equal(3, config.Training.Seed);
            Assert.Equal(16, config.Data.BatchSize);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TEXTVAE__training__epochs", null);
            Environment.SetEnvironmentVariable("TEXTVAE__training__seed", null);
        }
    }

    [Fact]
    public void Every_shipped_configuration_loads_and_validates()
    {
        var paths = Directory.GetFiles(RepositoryFiles.Get("configs"), "*.json");

        Assert.NotEmpty(paths);
        foreach (var path in paths)
            TrainConfig.Load(path);
    }

    [Fact]
    public void A_file_that_is_not_json_is_a_one_line_error_naming_it()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("broken.json", "{ \"training\": { \"epochs\": ");

        var error = Assert.ThrowsAny<TextVaeException>(() => TrainConfig.Load(path));

        Assert.Contains(path, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
