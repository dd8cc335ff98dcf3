using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TextVae.Configuration;
using TextVae.Model;

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
}
