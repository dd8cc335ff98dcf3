using System.Diagnostics;
using TextVae.Tests.Cli;
using TextVae.Training;
using Xunit.Abstractions;
using TextVae.Checkpoints;

namespace TextVae.Tests.Reliability;

[Trait("Category", "Slow")]
public class KillAndResumeTests(ITestOutputHelper output)
{
    private const int MaxSteps = 120;
    private const int Kills = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Settings = [$"training.maxSteps={MaxSteps}", "training.checkpointEvery=5", "training.logEvery=10"];

    [Fact]
    public void Training_killed_at_random_moments_resumes_from_an_intact_checkpoint_and_ends_as_an_uninterrupted_run()
    {
        using var temp = new TemporaryDirectory();
        var run = new RunFolder(temp.File("killed"));
        var reference = new RunFolder(temp.File("reference"));
        using var uninterrupted = TinyRun.Start(temp.Path, TinyRun.Args(reference.Root, Settings));
        var random = new Random(9);
        long lastStep = 0;
        var savedAt = DateTime.MinValue;

        for (var round = 0; round < Kills; round++)
        {
            var clock = Stopwatch.StartNew();
            using var process = TinyRun.Start(temp.Path, round == 0 ? TinyRun.Args(run.Root, Settings) : TinyRun.Resume(run.Root));
            // Each round must save at least once more, so that it proves that training goes on after a resume.
            Assert.True(TinyRun.WaitFor(() => File.Exists(run.Last) && File.GetLastWriteTimeUtc(run.Last) > savedAt, Patience));
            var duringSave = round == Kills - 1
                ? TinyRun.WaitFor(() => TemporaryFiles(run).Length > 0, TimeSpan.FromSeconds(10), pollMilliseconds: 0)
                : Sleep(random.Next(600));
            Assert.False(process.HasExited, $"round {round}: training ended before it was killed; raise MaxSteps");
            process.Kill(); // SIGKILL: no handler runs, a save in progress stops wherever it is
            process.WaitForExit();

            var state = Checkpoint.Load(run.Last).State; // verifies the checksum
            output.WriteLine($"round {round}: killed after {clock.ElapsedMilliseconds} ms{(duringSave ? " while a save was being written" : "")}; last.tvae at step {state.Step}");
            Assert.True(state.Step > lastStep, $"round {round}: step {state.Step} after step {lastStep}");
            Assert.False(state.Finished);
            lastStep = state.Step;
            savedAt = File.GetLastWriteTimeUtc(run.Last);
        }

        var final = CliProcess.Run(temp.Path, Patience, TinyRun.Resume(run.Root));
        Assert.True(final.ExitCode == 0, final.Error);
        Assert.Contains($"Resumed from step {lastStep}", final.Error);
        var finished = Checkpoint.Load(run.Last).State;
        Assert.True(finished.Finished);
        Assert.Equal(MaxSteps, finished.Step);
        Assert.Empty(TemporaryFiles(run));

        Assert.True(uninterrupted.WaitForExit(Patience));
        Assert.Equal(0, uninterrupted.ExitCode);
        // Resuming repeats no step and skips none, with the same batches and random numbers: the logged losses
        // and the final validation ELBO equal those of the run that was never killed, to the last bit.
        Assert.Equal(Losses(reference), Losses(run));
    }

    private static string[] TemporaryFiles(RunFolder run) => Directory.GetFiles(run.Root, "*.tmp");

    private static bool Sleep(int milliseconds)
    {
        Thread.Sleep(milliseconds);
        return false;
    }

    private static IEnumerable<(MetricsRecordKind, long, double, double?)> Losses(RunFolder run) =>
        new MetricsLog(run.Metrics).ReadAll().Select(record => (record.Kind, record.Step, record.Loss, record.Elbo));
}
