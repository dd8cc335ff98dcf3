using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TextVae.Generation;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary>How the generation commands print: the shared JSON settings, input notices and score annotations.</summary>
public static class GenerationOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, // like every JSON a user parses (docs/cli.md, "JSON output")
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // sentences stay readable: no \uXXXX for every accent
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // a token the model gives probability 0 scores −∞
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) }, // choices as users type them (EnumSpelling): "top-k"
    };

    /// <summary>The one JSON document of a command: what it was asked, how, and what came out.</summary>
    public static void WriteJson(TextWriter output, string command, TextGenerator generator, object inputs, object settings, object outputs) =>
        output.WriteLine(JsonSerializer.Serialize(new
        {
            command,
            checkpoint = generator.CheckpointPath,
            trainingCorpus = generator.TrainingCorpus,
            inputs,
            settings,
            outputs,
        }, Json));

    public static void WriteNotices(TextWriter output, params SentenceInput[] inputs)
    {
        foreach (var notice in inputs.SelectMany(input => input.Notices))
            output.WriteLine($"note: {notice}");
    }

    /// <summary>"[log p −12.31, cut at --max-len, in training corpus]"</summary>
    public static string Annotation(GeneratedSentence sentence, string? extra = null)
    {
        var parts = new List<string> { Invariant($"log p {sentence.LogProbability:F2}") };
        if (extra is not null)
            parts.Add(extra);
        if (!sentence.Finished)
            parts.Add("cut at --max-len");
        if (sentence.InTrainingCorpus == true)
            parts.Add("in training corpus");
        return $"[{string.Join(", ", parts)}]";
    }

    /// <summary>Says once when generated sentences could not be checked against the training corpus.</summary>
    public static void WriteCorpusNotice(TextWriter output, TextGenerator generator)
    {
        if (generator.TrainingCorpus is null)
            output.WriteLine("note: the training corpus is not on this machine, so sentences are not checked against it");
    }

    public static void WriteInput(TextWriter output, string label, SentenceInput input)
    {
        output.WriteLine($"{label,-8}{input.Text}");
        if (input.AsRead != input.Text)
            output.WriteLine($"{"read as",-8}{input.AsRead}");
    }

    public static void WriteSamples(TextWriter output, TextGenerator generator, IReadOnlyList<NumberedSample> samples)
    {
        foreach (var sample in samples)
            output.WriteLine($"{sample.Number,3}. {sample.Sentence.Text}  {Annotation(sample.Sentence)}");
        WriteCorpusNotice(output, generator);
    }

    /// <summary>The path with each run of repeated sentences on one line, with its span of positions.</summary>
    public static void WriteInterpolation(TextWriter output, InterpolationResult result)
    {
        WriteNotices(output, result.First, result.Second);
        WriteInput(output, "from", result.First);
        WriteInput(output, "to", result.Second);
        foreach (var point in result.Points)
        {
            var span = point.FirstStep == point.LastStep
                ? Invariant($"t {point.FirstPosition:F2}")
                : Invariant($"t {point.FirstPosition:F2}–{point.LastPosition:F2}");
            output.WriteLine($"  {span,-13} {point.Sentence.Text}  {Annotation(point.Sentence)}");
        }
    }
}
