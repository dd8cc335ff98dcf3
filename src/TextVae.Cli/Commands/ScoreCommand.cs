using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using TextVae.Evaluation;
using TextVae.Runtime;
using TextVae.Checkpoints;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary>
/// <c>textvae score</c>: how likely the model finds each sentence of a file, and the least likely ones: the VAE as an
/// anomaly detector for text.
/// </summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var shared = new ScoringOptions();
        var top = new Option<int>("--top") { Description = "How many of the least likely sentences to list.", DefaultValueFactory = _ => 10 };
        var command = new Command("score",
            "Score every sentence of a file (ELBO, importance-weighted NLL, KL, NLL per token) and list the least likely. " +
            "--json writes one JSON object per sentence (JSONL) in file order instead.");
        foreach (var option in shared.All.Append(top))
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var options = shared.Read(parse).Validate();
            var count = parse.GetValue(top);
            if (count < 0)
                throw new TextVaeException($"--top must not be negative (got {count})");
            var device = DeviceSelector.Resolve(parse.GetValue(shared.Device)!);
            var dataPath = parse.GetValue(shared.Data)!;
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;

            using var evaluator = new ModelEvaluator(Checkpoint.Load(parse.GetValue(shared.Checkpoint)!), device);
            var data = evaluator.Load(dataPath);
            error.WriteLine($"{dataPath}: {data.Report.Describe()}");
            var scores = evaluator.Score(data, options, new ProgressLines(error, $"IW-NLL (K = {options.Samples})"));
            string Text(SentenceScore score) => evaluator.Tokenizer.Decode(data.Sentences[score.Index]);

            if (parse.GetValue(shared.Json))
            {
                foreach (var score in scores)
                    output.WriteLine(JsonSerializer.Serialize(new ScoreLine(score.Line, Text(score), score.Tokens, score.Elbo, score.Reconstruction,
                        score.Kl, score.IwNll, score.NllPerToken, score.ReconstructionAtMean)));
                return 0;
            }
            // Per token, so long sentences do not crowd out the short odd ones.
            output.WriteLine(Invariant($"The {Math.Min(count, scores.Length)} least likely of {scores.Length:N0} sentences (IW-NLL per token, K = {options.Samples}):"));
            output.WriteLine("  NLL/tok      NLL     line  sentence");
            foreach (var score in scores.OrderByDescending(s => s.NllPerToken).Take(count))
                output.WriteLine(Invariant($"{score.NllPerToken,9:F3}{score.IwNll,9:F2}{score.Line,9}  {Text(score)}"));
            return 0;
        });
        return command;
    }

    private sealed record ScoreLine(
        [property: JsonPropertyName("line")] long Line,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("tokens")] int Tokens,
        [property: JsonPropertyName("elbo")] double Elbo,
        [property: JsonPropertyName("rec")] double Reconstruction,
        [property: JsonPropertyName("kl")] double Kl,
        [property: JsonPropertyName("iw_nll")] double IwNll,
        [property: JsonPropertyName("nll_per_token")] double NllPerToken,
        [property: JsonPropertyName("rec_at_mean")] double ReconstructionAtMean);
}
