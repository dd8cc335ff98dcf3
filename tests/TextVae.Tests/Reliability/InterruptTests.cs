using System.Diagnostics;
using System.Runtime.InteropServices;
using TextVae.Checkpoints;

namespace TextVae.Tests.Reliability;

[Trait("Category", "Slow")]
public class InterruptTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    [Theory]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    public void A_signal_during_training_saves_a_checkpoint_and_exits_within_seconds(int signal)
    {
        using var temp = new TemporaryDirectory();
        var run = new RunFolder(temp.File("run"));
        var log = new StringWriter();
        // No periodic checkpoints: the only last.tvae is the one the signal makes the trainer write. The run is long
        // enough that the signal always lands during training (the tiny config's 60 steps can end first).
        using var process = TinyRun.Start(temp.Path, TinyRun.Args(run.Root, "training.checkpointEvery=0", "training.logEvery=5", "training.maxSteps=1000000", "training.epochs=1000"), log);
        Assert.True(TinyRun.WaitFor(() => Logged(log, " step 5/"), TimeSpan.FromSeconds(60)), "training did not log step 5");

        // A signal that lands during an epoch's validation is served when the validation ends, which on a loaded
        // machine with one libtorch thread takes several seconds; a missed signal would never end the run.
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Kill(process.Id, signal));
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "still running 30 s after the signal");
        process.WaitForExit(); // drains the redirected output

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal(130, process.ExitCode); // the documented exit code of an interrupted run, for SIGINT and SIGTERM alike
        Assert.True(Logged(log, "Interrupted at step"), log.ToString());
        var state = Checkpoint.Load(run.Last).State;
        Assert.True(state.Step >= 5);
        Assert.False(state.Finished);
    }

    private static bool Logged(StringWriter log, string text)
    {
        lock (log)
            return log.ToString().Contains(text, StringComparison.Ordinal);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
