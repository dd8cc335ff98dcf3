using System.CommandLine;
using TextVae.Generation;
using TextVae.Output;
using TextVae.Checkpoints;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae sample</c>: sentences from the prior, each marked when it occurs verbatim in the training corpus; --shard and --out for many.</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count", "-n") { Description = "Sentences to sample (all shards together).", DefaultValueFactory = _ => 10 };
        var output = new Option<string?>("--out")
        {
            Description = "Write the samples to FILE.jsonl, FILE.csv or FILE.parquet, numbered; {shard} in the name becomes the shard's number.",
        };
        var command = new Command("sample", "Sample sentences from the prior: z ~ N(0, I), each from its own seed, decoded in blocks.") { count, output };
        var generation = new GenerationCommandOptions(command);
        var model = generation.Model;
        var sharding = new ShardOptions(command, blocks: false);
        command.SetAction(parse => Interruption.Guard(parse.InvocationConfiguration.Error, cancel =>
        {
            var options = generation.Decoding.Read(parse);
            var shard = sharding.Resolve(parse);
            var stdout = parse.InvocationConfiguration.Output;
            var outPath = parse.GetValue(output) is { } template ? ShardOptions.OutputPath(template, shard) : null;
            if (outPath is not null)
            {
                TableFile.FormatOf(outPath, "outputPath");
                if (!parse.GetValue(sharding.Overwrite) && TableFile.IsComplete(outPath))
                {
                    stdout.WriteLine($"{outPath} is complete; skipped (--overwrite redoes it)");
                    return 0;
                }
            }
            using var generator = model.Load(parse);
            var seed = parse.GetValue(model.Seed);
            var total = parse.GetValue(count);
            var samples = generator.Sample(total, options, seed, shard, cancel);
            if (outPath is not null)
            {
                var metadata = ResultMetadata.Create("sample", generator.CheckpointPath, CheckpointDigest.Of(generator.CheckpointPath), shard,
                    ("count", total), ("seed", seed), ("strategy", EnumSpelling.Of(options.Strategy)));
                long written = 0;
                using (var table = SampleFile.Create(outPath, generator.TrainingCorpus is not null, metadata))
                {
                    foreach (var sample in samples)
                    {
                        table.Write(sample);
                        written++;
                    }
                    table.Commit();
                }
                stdout.WriteLine($"wrote {written} sample(s){(shard.IsWhole ? "" : $" of shard {shard}")} to {outPath}");
                return 0;
            }
            var numbered = samples.ToArray();
            generation.Write(parse, generator, new GenerationReport(Array.Empty<object>(),
                new { count = total, seed, shard = shard.ToString(), decoding = options }, numbered.Select(sample => sample.Sentence).ToArray(),
                output => GenerationOutput.WriteSamples(output, generator, numbered)));
            return 0;
        }));
        return command;
    }
}
