using System.CommandLine;
using TextVae.Generation;
using TextVae.Checkpoints;
using TextVae.Output;
using TextVae.Plotting;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae encode --data FILE --out FILE</c>: posterior means and variances per sentence, streamed, optionally sharded, and an optional 2-D picture.</summary>
public static class EncodeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "UTF-8 file, one sentence per line (empty lines are skipped).", Required = true };
        var output = new Option<string>("--out")
        {
            Description = "Latent codes: FILE.jsonl, FILE.csv or FILE.parquet, one row per sentence with its line number; {shard} in the name becomes the shard's number.",
            Required = true,
        };
        var batch = new Option<int>("--batch") { Description = "Sentences per encoder batch (memory against speed).", DefaultValueFactory = _ => TextGenerator.DefaultEncodeBatch };
        var plot = new Option<string?>("--plot") { Description = "Also draw the posterior means projected to 2-D (PCA), coloured by sentence length, as FILE.png (holds the means in memory)." };
        var command = new Command("encode", "Write each sentence's posterior mean and variance for your own analysis; optionally plot them in 2-D.")
        {
            data, output, batch, plot,
        };
        var model = new ModelCommandOptions(command, seeded: false);
        var sharding = new ShardOptions(command);
        command.SetAction(parse => Interruption.Guard(parse.InvocationConfiguration.Error, cancel =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var shard = sharding.Resolve(parse);
            var (dataPath, plotPath) = (parse.GetValue(data)!, parse.GetValue(plot));
            var outPath = ShardOptions.OutputPath(parse.GetValue(output)!, shard);
            TableFile.FormatOf(outPath, "outputPath");
            if (!parse.GetValue(sharding.Overwrite) && TableFile.IsComplete(outPath))
            {
                writer.WriteLine($"{outPath} is complete; skipped (--overwrite redoes it)");
                return 0;
            }
            using var generator = model.Load(parse);
            var blockLines = parse.GetValue(sharding.BlockLines);
            var blocks = generator.Blocks(dataPath, shard, blockLines);
            var rows = generator.Encode(blocks, parse.GetValue(batch), cancel);
            var metadata = ResultMetadata.Create("encode", generator.CheckpointPath, CheckpointDigest.Of(generator.CheckpointPath), shard,
                ("data", dataPath), ("block_lines", blockLines), ("latent_size", generator.LatentSize));
            var points = new List<(float[] Mean, int Tokens)>();
            long sentences = 0, withUnknown = 0, truncated = 0;
            using (var table = LatentCodeFile.Create(outPath, generator.LatentSize, metadata))
            {
                foreach (var row in rows)
                {
                    table.Write(row);
                    sentences++;
                    withUnknown += row.HasUnknown ? 1 : 0;
                    truncated += row.Truncated ? 1 : 0;
                    if (plotPath is not null)
                        points.Add((row.Mean, row.Tokens));
                }
                table.Commit();
            }
            if (plotPath is not null)
                LatentPlot.Render(points, plotPath, $"{Path.GetFileName(dataPath)}: posterior means (PCA)");
            if (parse.GetValue(model.Json))
            {
                GenerationOutput.WriteJson(writer, "encode", generator, new { data = dataPath }, new { @out = outPath, plot = plotPath, shard = shard.ToString() },
                    new { sentences, latentSize = generator.LatentSize, withUnknownWords = withUnknown, truncated });
                return 0;
            }
            if (withUnknown > 0)
                writer.WriteLine($"note: {withUnknown} sentence(s) have unknown words, read as <unk>");
            if (truncated > 0)
                writer.WriteLine($"note: {truncated} sentence(s) are longer than data.maxLength; only their first tokens are read");
            writer.WriteLine($"wrote {sentences} latent codes (latent size {generator.LatentSize}{(shard.IsWhole ? "" : $", shard {shard}")}) to {outPath}");
            if (plotPath is not null)
                writer.WriteLine($"drew  {plotPath}");
            return 0;
        }));
        return command;
    }
}
