using System.CommandLine;
using System.Text.Json;
using System.Globalization;
using TextVae.Benchmarking;
using TextVae.Compression;
using TextVae.Data;
using TextVae.Evaluation;
using TextVae.Generation;
using TextVae.Runtime;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary>
/// <c>textvae bench train|soak|encode|score|generate|compress|map</c>: speed and memory of training and of the
/// corpus-scale commands, latency of generation and of the UI's map, compression, as JSON lines or a short line.
/// </summary>
public static class BenchCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Command Create()
    {
        var command = new Command("bench", "Measure training, encoding and scoring speed and memory, and generation latency (see docs/performance.md).");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateSoak());
        command.Subcommands.Add(CreateEncode());
        command.Subcommands.Add(CreateScore());
        command.Subcommands.Add(CreateGenerate());
        command.Subcommands.Add(CreateCompress());
        command.Subcommands.Add(CreateMap());
        return command;
    }

    private static Command CreateEncode()
    {
        var command = new Command("encode", "Time textvae encode's code on a file (nothing written): sentences/s and target tokens/s, no gradients.");
        var options = new InferenceBenchmarkCommandOptions(command, $"Sentences per encoder batch (default {TextGenerator.DefaultEncodeBatch}, as textvae encode).");
        command.SetAction(parse =>
        {
            var settings = options.Read(parse);
            using var generator = options.Model.Load(parse);
            var result = InferenceBenchmark.Encode(generator, generator.Blocks(options.Data(parse), Shard.All), settings);
            WriteInference(parse, options.Model.Json, result);
            return 0;
        });
        return command;
    }

    private static Command CreateScore()
    {
        var samples = new Option<int>("--samples") { Description = "K, importance samples from q(z|x) per sentence.", DefaultValueFactory = _ => 50 };
        var chunk = ScoringOptions.ChunkOption();
        var command = new Command("score", "Time textvae score's code on a file (nothing written): sentences/s, target tokens/s and K × tokens/s, no gradients.") { samples, chunk };
        var options = new InferenceBenchmarkCommandOptions(command, "Sentences per batch (default: the checkpoint's data.batchSize, as textvae score).");
        command.SetAction(parse =>
        {
            var settings = options.Read(parse);
            var scoring = new EvaluationOptions { Samples = parse.GetValue(samples), Chunk = parse.GetValue(chunk) }.Validate();
            using var evaluator = ModelEvaluator.Load(options.Model.CheckpointPath(parse), options.Model.ResolveDevice(parse));
            var result = InferenceBenchmark.Score(evaluator, evaluator.Blocks(options.Data(parse), Shard.All), scoring, settings);
            WriteInference(parse, options.Model.Json, result);
            return 0;
        });
        return command;
    }

    private static void WriteInference(ParseResult parse, Option<bool> json, InferenceBenchmarkResult result)
    {
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(json))
        {
            output.WriteLine(JsonSerializer.Serialize(result, Json));
            return;
        }
        var samples = result.Samples is { } k ? Invariant($"  K = {k}: {result.SampleTokensPerSecond:N0} sample tokens/s") : "";
        output.WriteLine(Invariant($"{result.Command} {result.Sentences:N0} sentences in {result.Seconds:F1} s: {result.SentencesPerSecond:N0} sentences/s  {result.TokensPerSecond:N0} tokens/s{samples}  batch {result.Batch}  peak {result.PeakResidentMiB:N0} MiB  {result.Device}"));
    }

    private static Command CreateMap()
    {
        var data = new Option<string?>("--data") { Description = "Sentences to map (default: the checkpoint's training corpus)." };
        var moves = new Option<int>("--moves") { Description = "Cursor moves timed; the median and 90th percentile are reported.", DefaultValueFactory = _ => 30 };
        var command = new Command("map", "Time the terminal UI's map: first opening (encode and cache), opening from the cache, and a cursor move (start-up excluded).") { data, moves };
        var model = new ModelCommandOptions(command, seeded: false);
        command.SetAction(parse =>
        {
            if (parse.GetValue(moves) < 1)
                throw new TextVaeException($"--moves must be at least 1 (got {parse.GetValue(moves)})");
            using var generator = model.Load(parse);
            var corpus = parse.GetValue(data) ?? generator.TrainingCorpus
                ?? throw new TextVaeException("the checkpoint's training corpus is not on this machine: give --data FILE");
            var scratch = Directory.CreateTempSubdirectory("textvae-bench-map-");
            try
            {
                var result = MapBenchmark.Run(generator, corpus, parse.GetValue(moves), scratch.FullName);
                var output = parse.InvocationConfiguration.Output;
                if (parse.GetValue(model.Json))
                    output.WriteLine(JsonSerializer.Serialize(result, Json));
                else
                    output.WriteLine($"{result.Sentences:N0} sentences: first open {result.FirstOpenSeconds:F1} s  from cache {result.CachedOpenSeconds:F2} s  cursor move {result.CursorMoveMedianMilliseconds:F0} ms (90 %: {result.CursorMoveP90Milliseconds:F0} ms)  ({result.Device}, {result.Threads} threads)");
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
            return 0;
        });
        return command;
    }

    private static Command CreateCompress()
    {
        var checkpoint = CompressCommand.CheckpointOption();
        var data = new Option<string>("--data") { Description = "File to compress (held-out text of the model's domain).", Required = true };
        var batch = CompressCommand.BatchOption();
        var batchSizes = new Option<int[]>("--batch-sizes")
        {
            Description = "Batch sizes whose speed is measured on the file's first --scan-bytes bytes.",
            DefaultValueFactory = _ => [1, 8, 32, 128],
            AllowMultipleArgumentsPerToken = true,
        };
        var scanBytes = new Option<int>("--scan-bytes") { Description = "Bytes of the file used for the batch-size scan.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the posterior samples of the −ELBO.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "One JSON object instead of the table." };
        var device = CommonOptions.Device();
        var command = new Command("compress", "Bits per character and speed of compress/decompress next to gzip, xz, zstd and brotli on the same file.")
            { checkpoint, data, batch, batchSizes, scanBytes, seed, json, device.Option };
        command.SetAction(parse =>
        {
            var deviceChoice = DeviceSelector.Resolve(device.Read(parse));
            using var compressor = TextCompressor.Load(parse.GetValue(checkpoint)!, deviceChoice);
            var sizes = parse.GetValue(batchSizes)!;
            if (sizes.Any(size => size < 1))
                throw new TextVaeException("--batch-sizes must all be at least 1");
            var result = CompressionBenchmark.Run(compressor, parse.GetValue(data)!, new CompressionOptions { BatchSize = parse.GetValue(batch) },
                sizes, parse.GetValue(scanBytes), parse.GetValue(seed), deviceChoice);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(result, Json));
                return 0;
            }
            output.WriteLine(Invariant($"{result.Data}: {result.Bytes:N0} bytes, {result.Characters:N0} characters ({result.Device}, coder on 1 libtorch thread)"));
            output.WriteLine();
            output.WriteLine("compressor                   bytes   bits/char  bits/byte   compress s  decompress s");
            foreach (var f in result.Figures)
                output.WriteLine(Invariant($"{f.Compressor,-24}{f.Bytes,10:N0}{f.BitsPerCharacter,12:F3}{f.BitsPerByte,11:F3}{f.CompressSeconds,13:F2}{(f.DecompressSeconds is { } d ? d.ToString("F2", CultureInfo.InvariantCulture) : "-"),14}"));
            if (result.Missing.Count > 0)
                output.WriteLine($"not installed: {string.Join(", ", result.Missing)}");
            output.WriteLine();
            output.WriteLine(Invariant($"bits back: ideal {result.BitsBackIdealBits / 8:N0} bytes, model −ELBO {result.NegativeElboBits / 8:N0} bytes (ratio {result.BitsBackIdealBits / result.NegativeElboBits:F4}); {result.CleanChunks:N0} of {result.Chunks:N0} chunks without bits back (clean start)"));
            output.WriteLine();
            output.WriteLine("batch   compress KiB/s  decompress KiB/s  archive bytes");
            foreach (var s in result.BatchSpeeds)
                output.WriteLine(Invariant($"{s.Batch,5}{s.CompressKibPerSecond,17:F2}{s.DecompressKibPerSecond,18:F2}{s.ArchiveBytes,15:N0}"));
            output.WriteLine(Invariant($"(speed scan on the first {result.BatchSpeeds.FirstOrDefault()?.Bytes ?? 0:N0} bytes)"));
            return 0;
        });
        return command;
    }

    private static Command CreateGenerate()
    {
        var repeats = new Option<int>("--repeats") { Description = "Timed runs of each request; the median is reported.", DefaultValueFactory = _ => 15 };
        var command = new Command("generate", "Median latency of 32 prior samples, a 10-step interpolation and a 20-candidate paraphrase (start-up excluded).") { repeats };
        var model = new ModelCommandOptions(command, seeded: false);
        command.SetAction(parse =>
        {
            using var generator = model.Load(parse);
            var result = GenerationBenchmark.Run(generator, parse.GetValue(repeats));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(model.Json))
                output.WriteLine(JsonSerializer.Serialize(result, Json));
            else
                output.WriteLine($"sample 32: {result.Sample32Milliseconds:F0} ms  interpolate 10: {result.Interpolate10Milliseconds:F0} ms  paraphrase 20: {result.Paraphrase20Milliseconds:F0} ms  ({result.Device}, median of {result.Repeats})");
            return 0;
        });
        return command;
    }

    private static Command CreateTrain()
    {
        var options = new TrainingBenchmarkCommandOptions();
        var command = new Command("train", "Train the plain Bowman-style model for --steps steps after --warmup and report tokens/s, ms/step and peak memory.");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            using var benchmark = new TrainingBenchmark(options.Read(parse));
            var result = benchmark.Run();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(options.Json))
                output.WriteLine(JsonSerializer.Serialize(result, Json));
            else
            {
                output.WriteLine($"{result.TokensPerSecond:N0} tokens/s  {result.MillisecondsPerStep:F1} ms/step  peak {result.PeakResidentMiB:N0} MiB  {result.Device}  padding {result.PaddingFraction:P1}  projection {result.ProjectionPrecision}");
                if (result.ProfileMillisecondsPerStep is { } profile)
                    output.WriteLine("ms/step: " + string.Join("  ", profile.Select(phase => Invariant($"{phase.Key} {phase.Value:F1}"))));
            }
            return 0;
        });
        return command;
    }

    private static Command CreateSoak()
    {
        // Memory rises while batches of new lengths first appear; the soak measures after that.
        var options = new TrainingBenchmarkCommandOptions(defaultSteps: 3000, defaultWarmup: 600);
        var command = new Command("soak", "Train for --steps steps sampling resident memory every --sample-every steps; memory must stay flat.");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            using var benchmark = new TrainingBenchmark(options.Read(parse));
            var result = benchmark.Soak();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(options.Json))
            {
                output.WriteLine(JsonSerializer.Serialize(result, Json));
                return 0;
            }
            foreach (var sample in result.Samples)
                output.WriteLine($"step {sample.Step,6}  rss {sample.ResidentMiB,8:N1} MiB");
            output.WriteLine($"growth {result.GrowthPercent:+0.0;-0.0}% after warm-up, peak {result.PeakResidentMiB:N0} MiB, {result.TokensPerSecond:N0} tokens/s");
            return 0;
        });
        return command;
    }
}
