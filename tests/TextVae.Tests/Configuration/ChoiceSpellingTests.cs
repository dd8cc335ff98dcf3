using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TextVae.Configuration;
using TextVae.Decoding;
using TextVae.Generation;
using TextVae.Model;
using TextVae.Tokenization;
using TextVae.Training;

namespace TextVae.Tests.Configuration;

public class ChoiceSpellingTests
{
    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    [Fact]
    public void A_config_file_keeps_its_lower_case_choices()
    {
        var model = ConfigBinding.Bind<ModelOptions>(
            Json("""{"model":{"encoder":"gru","decoder":"transformer","positions":"learned","pooling":"summary"}}"""), "model");
        var schedule = ConfigBinding.Bind<KlScheduleOptions>(Json("""{"objective":{"klSchedule":{"kind":"cyclical"}}}"""), "objective:klSchedule");

        Assert.Equal((CellKind.Gru, CellKind.Transformer, PositionKind.Learned, EncoderPooling.Summary),
            (model.Encoder, model.Decoder, model.Positions, model.Pooling));
        Assert.Equal(KlScheduleKind.Cyclical, schedule.Kind);
    }

    [Fact]
    public void An_unknown_choice_in_a_config_names_the_field_and_the_allowed_values()
    {
        var error = Assert.ThrowsAny<TextVaeException>(() => ConfigBinding.Bind<ModelOptions>(Json("""{"model":{"encoder":"cnn"}}"""), "model"));

        Assert.Equal("model.encoder: 'cnn' is not one of lstm, gru, transformer", error.Message);
    }

    [Fact]
    public void A_checkpoint_config_written_with_strings_still_reads_and_writes_the_same_words()
    {
        // The shape of the "model" object in config.json inside checkpoints written before the choices were enums.
        const string saved = """{"encoder":"transformer","decoder":"lstm","positions":"learned","pooling":"summary"}""";
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var model = JsonSerializer.Deserialize<ModelOptions>(saved, web)!;
        var written = JsonSerializer.Serialize(model, web);

        Assert.Equal((CellKind.Transformer, CellKind.Lstm, PositionKind.Learned, EncoderPooling.Summary),
            (model.Encoder, model.Decoder, model.Positions, model.Pooling));
        Assert.Contains("\"encoder\":\"transformer\"", written);
        Assert.Contains("\"positions\":\"learned\"", written);
        Assert.Contains("\"kind\":\"logistic\"", JsonSerializer.Serialize(new KlScheduleOptions(), web));
    }

    [Fact]
    public void An_unknown_choice_in_json_is_an_error()
    {
        Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Deserialize<ModelOptions>("""{"encoder":"cnn"}""", new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Deserialize<ModelOptions>("""{"encoder":1}""", new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }

    [Fact]
    public void Training_and_tokenizer_choices_bind_from_a_config_file()
    {
        var config = TrainConfig.Bind(Json("""{"training":{"optimizer":"sgd","learningRateSchedule":"plateau","projectionPrecision":"bfloat16"},"tokenizer":{"kind":"bpe"}}"""));

        Assert.Equal((OptimizerKind.Sgd, LearningRateScheduleKind.Plateau, ProjectionPrecision.Bfloat16, TokenizerKind.Bpe),
            (config.Training.Optimizer, config.Training.LearningRateSchedule, config.Training.ProjectionPrecision, config.Tokenizer.Kind));
    }

    [Theory]
    [InlineData("""{"training":{"optimizer":"rmsprop"}}""", "training.optimizer: 'rmsprop' is not one of adam, sgd")]
    [InlineData("""{"training":{"learningRateSchedule":"cosine"}}""", "training.learningRateSchedule: 'cosine' is not one of constant, plateau")]
    [InlineData("""{"training":{"projectionPrecision":"float16"}}""", "training.projectionPrecision: 'float16' is not one of float32, bfloat16, auto")]
    [InlineData("""{"tokenizer":{"kind":"chars"}}""", "tokenizer.kind: 'chars' is not one of word, bpe")]
    [InlineData("""{"training":{"optimizer":"1"}}""", "training.optimizer: '1' is not one of adam, sgd")]
    [InlineData("""{"model":{"encoder":"lstm,gru"}}""", "model.encoder: 'lstm,gru' is not one of lstm, gru, transformer")]
    public void A_choice_that_is_not_one_of_the_words_is_an_error_naming_them(string json, string message) =>
        Assert.Equal(message, Assert.ThrowsAny<TextVaeException>(() => TrainConfig.Bind(Json(json))).Message);

    [Fact]
    public void A_spelling_with_a_hyphen_binds_to_its_member()
    {
        var options = ConfigBinding.Bind<DecodingOptions>(Json("""{"decoding":{"strategy":"top-k"}}"""), "decoding");

        Assert.Equal(DecodingStrategy.TopK, options.Strategy);
    }

    [Fact]
    public void Json_documents_keep_the_words_users_know()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var training = JsonSerializer.Serialize(new TrainingOptions { Optimizer = OptimizerKind.Sgd, LearningRateSchedule = LearningRateScheduleKind.Plateau }, web);

        Assert.Contains("\"optimizer\":\"sgd\"", training);
        Assert.Contains("\"learningRateSchedule\":\"plateau\"", training);
        Assert.Contains("\"strategy\":\"top-p\"", JsonSerializer.Serialize(new DecodingOptions { Strategy = DecodingStrategy.TopP }, web));
        Assert.Contains("\"kind\":\"valid\"", JsonSerializer.Serialize(new MetricsRecord { Kind = MetricsRecordKind.Valid, Step = 1, Epoch = 1 }, MetricsLog.Json));
        Assert.Equal("\"slerp\"", JsonSerializer.Serialize(InterpolationPath.Slerp));
        Assert.Equal("\"distance\"", JsonSerializer.Serialize(ParaphraseRanking.Distance));
        Assert.Equal(DecodingStrategy.TopK, JsonSerializer.Deserialize<DecodingOptions>("""{"strategy":"top-k"}""", web)!.Strategy);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DecodingOptions>("""{"strategy":"nucleus"}""", web));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<MetricsRecord>("""{"kind":"test","step":1,"epoch":1}""", MetricsLog.Json));
    }
}
