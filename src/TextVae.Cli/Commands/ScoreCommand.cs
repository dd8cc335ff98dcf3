using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using TextVae.Evaluation;
using TextVae.Output;
using TextVae.Runtime;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary>
/// <c>textvae score</c>: how likely the model finds each sentence of a file, and the least likely ones: the VAE as an
/// anomaly detector for text. Streams the file; with --out the rows go to a table file, with --shard one process
/// scores its share.
/// </summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var shared = new ScoringOptions();
        var top = new Option<int>("--top") { Description = "How many of the least likely sentences to list.", DefaultValueFactory = _ => 10 };
        var output = new Option<string?>("--out")
        {
            Description = "Write every sentence's scores to FILE.jsonl, FILE.csv or FILE.parquet (rows in line order, with line numbers); {shard} in the name becomes the shard's number.",
        };
        var batch = new Option<int?>("--batch") { Description = "Sentences per batch (default: the checkpoint's data.batchSize); a sentence's scores depend on it only by float rounding." };
        var command = new Command("score",
            "Score every sentence of a file (ELBO, importance-weighted NLL, KL, NLL per token) and list the least likely. " +
            "--json writes one JSON object per sentence (JSONL) in file order instead; --out writes them to a file.");
        foreach (var option in shared.All.Append(batch).Append(top).Append(output))
            command.Options.Add(option);
        var sharding = new ShardOptions(command);
        command.SetAction(parse => Interruption.Guard(parse.InvocationConfiguration.Error, cancel =>
        {
            var options = shared.Read(parse).Validate();
            var count = parse.GetValue(top);
            if (count < 0)
                throw new InvalidParameterException("top", $"must not be negative (got {count})");
            var shard = sharding.Resolve(parse);
            var outPath = parse.GetValue(output) is { } template ? ShardOptions.OutputPath(template, shard) : null;
            var stdout = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (outPath is not null)
            {
                TableFile.FormatOf(outPath, "outputPath");
                if (!parse.GetValue(sharding.Overwrite) && TableFile.IsComplete(outPath))
                {
                    error.WriteLine($"{outPath} is complete; skipped (--overwrite redoes it)");
                    return 0;
                }
            }
            var device = DeviceSelector.Resolve(shared.Device.Read(parse));
            var dataPath = parse.GetValue(shared.Data)!;
            var blockLines = parse.GetValue(sharding.BlockLines);
            using var evaluator = ModelEvaluator.Load(parse.GetValue(shared.Checkpoint)!, device);
            var blocks = evaluator.Blocks(dataPath, shard, blockLines);
            var json = parse.GetValue(shared.Json);
            using var table = outPath is null
                ? null
                : SentenceScoreFile.Create(outPath, ResultMetadata.Create("score", evaluator.CheckpointPath, evaluator.CheckpointSha256, shard,
                    ("data", dataPath), ("block_lines", blockLines), ("samples", options.Samples), ("seed", options.Seed)));
            // The least likely so far, least unlikely on top, so memory holds --top rows whatever the file's size.
            var leastLikely = new PriorityQueue<SentenceScore, double>();
            long scored = 0;
            foreach (var score in evaluator.Score(blocks, options, new ProgressLines(error, $"IW-NLL (K = {options.Samples})"), cancel, parse.GetValue(batch)))
            {
                scored++;
                table?.Write(score);
                if (json && table is null)
                    stdout.WriteLine(JsonSerializer.Serialize(new ScoreLine(score.Line, score.Text, score.Tokens, score.Elbo, score.Reconstruction,
                        score.Kl, score.IwNll, score.NllPerToken, score.ReconstructionAtMean)));
                // Per token, so long sentences do not crowd out the short odd ones.
                leastLikely.Enqueue(score, score.NllPerToken);
                if (leastLikely.Count > count)
                    leastLikely.Dequeue();
            }
            table?.Commit();
            var where = shard.IsWhole ? "" : $" of shard {shard}";
            error.WriteLine($"{dataPath}: scored {scored:N0} sentence(s){where}, each whole" +
                (blocks.TooLong > 0 ? $", {blocks.TooLong:N0} longer than the model's position limit left out" : "") +
                (outPath is null ? "" : $"; wrote {outPath}"));
            if (json && table is null)
                return 0;
            var listed = new List<SentenceScore>();
            while (leastLikely.TryDequeue(out var score, out _))
                listed.Insert(0, score);
            stdout.WriteLine(Invariant($"The {listed.Count} least likely of {scored:N0} sentences{where} (IW-NLL per token, K = {options.Samples}):"));
            stdout.WriteLine("  NLL/tok      NLL     line  sentence");
            foreach (var score in listed)
                stdout.WriteLine(Invariant($"{score.NllPerToken,9:F3}{score.IwNll,9:F2}{score.Line,9}  {score.Text}"));
            return 0;
        }));
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
