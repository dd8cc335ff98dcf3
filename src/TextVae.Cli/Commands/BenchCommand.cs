using System.CommandLine;
using System.Text.Json;
using TextVae.Benchmarking;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae bench train|soak|generate|map</c>: speed and memory of training, latency of generation and of the UI's map, as JSON lines or a short line.</summary>
public static class BenchCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Command Create()
    {
        var command = new Command("bench", "Measure training speed and memory and generation latency (see README, Performance).");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateSoak());
        command.Subcommands.Add(CreateGenerate());
        command.Subcommands.Add(CreateMap());
        return command;
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
                output.WriteLine($"{result.TokensPerSecond:N0} tokens/s  {result.MillisecondsPerStep:F1} ms/step  peak {result.PeakResidentMiB:N0} MiB  {result.Device}  padding {result.PaddingFraction:P1}");
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
