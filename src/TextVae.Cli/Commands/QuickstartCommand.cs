using System.CommandLine;
using TextVae.Data;
using TextVae.Generation;
using TextVae.Runtime;
using TextVae.Training;
using TextVae.Checkpoints;
using TextVae.Decoding;

namespace TextVae.Cli.Commands;

/// <summary>
/// <c>textvae quickstart</c>: trains configs/quickstart.json on the default corpus into runs/quickstart under the
/// current folder (continuing an interrupted run, reusing a finished one), then shows prior samples and an
/// interpolation and the commands to try next. The configuration and corpus are the copies shipped beside the
/// command (in the .NET tool's folder or the build output), so it runs from any folder.
/// </summary>
public static class QuickstartCommand
{
    private const string ConfigName = "configs/quickstart.json";
    private const string RunFolderPath = "runs/quickstart";
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "quickstart");
    private static readonly string Config = Path.Combine(Shipped, ConfigName);

    /// <summary>The shipped default corpus's <paramref name="part"/> (train, valid or test), as an absolute path.</summary>
    private static string Corpus(string part) => Path.Combine(Shipped, "corpora", "default", $"{part}.txt");

    public static Command Create()
    {
        var device = CommonOptions.Device();
        var command = new Command("quickstart", $"Train {ConfigName} on the shipped corpus (or reuse {RunFolderPath}), then sample and interpolate.") { device.Option };
        command.SetAction(async (parse, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var run = new RunFolder(RunFolderPath);
            var trained = await TrainUnlessDoneAsync(run, device.Read(parse), parse.GetValue(CommonOptions.Verbose), output);
            if (trained != 0)
                return trained;
            Show(run, device.Read(parse), output);
            return 0;
        });
        return command;
    }

    private static async Task<int> TrainUnlessDoneAsync(RunFolder run, DeviceChoice device, bool verbose, TextWriter output)
    {
        if (File.Exists(run.Last) && Checkpoint.Load(run.Last).State.Finished)
        {
            output.WriteLine($"Using the model trained earlier in {run.Root} (delete that folder to train again).");
            return 0;
        }
        if (!File.Exists(Config))
            throw new TextVaeException($"{Config} is missing from the installation: reinstall textvae");
        var resume = File.Exists(run.Last);
        output.WriteLine(resume
            ? $"Continuing the interrupted quickstart run in {run.Root}."
            : $"Training {ConfigName} on the shipped corpus into {run.Root}: a few minutes on two cores; Ctrl+C stops it and a later quickstart continues.");
        var request = resume
            ? new TrainingRequest { RunFolder = run.Root, Resume = true, Device = device }
            : new TrainingRequest { ConfigPath = Config, TrainCorpus = Corpus("train"), ValidCorpus = Corpus("valid"), RunFolder = run.Root, Device = device };
        var exit = await TrainCommand.RunHostedAsync(request, verbose);
        if (exit == 130)
            output.WriteLine($"Interrupted; the checkpoint in {run.Root} is kept. Run quickstart again to continue.");
        return exit;
    }

    private static void Show(RunFolder run, DeviceChoice device, TextWriter output)
    {
        using var generator = TextGenerator.Load(run.PreferredCheckpoint!, DeviceSelector.Resolve(device));
        output.WriteLine();
        output.WriteLine("Sentences from the prior (z ~ N(0, I), greedy decoding):");
        GenerationOutput.WriteSamples(output, generator, generator.Sample(8, new DecodingOptions(), seed: 1, Shard.All).ToArray());

        var (first, second) = generator.ValidationPair()
            ?? throw new TextVaeException($"the validation corpus {generator.Checkpoint.Config.Data.Valid} has no two short sentences without unknown words to interpolate between");
        output.WriteLine();
        output.WriteLine("An interpolation between two validation sentences:");
        GenerationOutput.WriteInterpolation(output, generator.Interpolate(first, second, 8, InterpolationPath.Linear, new DecodingOptions()));

        output.WriteLine();
        output.WriteLine("Next, try:");
        output.WriteLine("  textvae sample --count 10 --strategy top-p --top-p 0.9");
        output.WriteLine($"  textvae interpolate {ShellWord(first)} {ShellWord(second)} --steps 10 --mode slerp");
        output.WriteLine($"  textvae paraphrase {ShellWord(first)} --count 10 --radius 1.5");
        output.WriteLine($"  textvae eval --checkpoint {run.PreferredCheckpoint} --data {ShellWord(Corpus("test"))}");
        output.WriteLine("  textvae tui");
        output.WriteLine($"Training curves: {run.Curves}");
    }

    /// <summary>
    /// Text as one POSIX shell word, so the printed lines run as printed: single-quoted when it holds anything the
    /// shell would split or expand (spaces, the corpus's `` quotes, $), bare otherwise.
    /// </summary>
    public static string ShellWord(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+:@%,=".Contains(c)) ? text : $"'{text.Replace("'", "'\\''")}'";
}
