using System.CommandLine;
using System.Text.Json;
using TextVae.Benchmarking;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae bench train|soak|generate</c>: speed and memory of training and latency of generation, as JSON lines or a short line.</summary>
public static class BenchCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Command Create()
    {
        var command = new Command("bench", "Measure training speed and memory and generation latency (see README, Performance).");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateSoak());
        command.Subcommands.Add(CreateGenerate());
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
