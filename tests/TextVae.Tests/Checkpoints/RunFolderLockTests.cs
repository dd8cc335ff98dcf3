using System.Diagnostics;
using TextVae.Checkpoints;
using TextVae.Training;

namespace TextVae.Tests.Checkpoints;

public class RunFolderLockTests
{
    [Fact]
    public void A_second_holder_gets_one_line_naming_the_first_and_the_lock_frees_on_release()
    {
        using var directory = new TemporaryDirectory();
        using (RunFolderLock.Acquire(directory.Path))
        {
            var message = Assert.Throws<TextVaeException>(() => RunFolderLock.Acquire(directory.Path)).Message;
            Assert.Contains($"pid {Environment.ProcessId} on {Environment.MachineName}", message);
            Assert.Contains("in use by another training run", message);
            Assert.DoesNotContain('\n', message);
        }
        using var again = RunFolderLock.Acquire(directory.Path);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_lock_left_by_a_killed_process_does_not_block_the_next_run()
    {
        using var directory = new TemporaryDirectory();
        // util-linux flock takes the same kind of lock (flock(2)) that the run-folder lock takes.
        var holder = Process.Start(new ProcessStartInfo("flock", ["-x", Path.Combine(directory.Path, RunFolderLock.FileName), "sleep", "60"]))!;
        try
        {
            Assert.True(SpinWait.SpinUntil(() =>
            {
                try
                {
                    RunFolderLock.Acquire(directory.Path).Dispose();
                    return false;
                }
                catch (TextVaeException)
                {
                    return true;
                }
            }, TimeSpan.FromSeconds(10)), "the other process never held the lock");
        }
        finally
        {
            holder.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
            holder.WaitForExit();
        }
        Assert.True(File.Exists(Path.Combine(directory.Path, RunFolderLock.FileName)));
        // Killing the tree does not wait for flock's child (sleep) to be gone; the lock is free once it is.
        RunFolderLock? taken = null;
        Assert.True(SpinWait.SpinUntil(() =>
        {
            try
            {
                taken = RunFolderLock.Acquire(directory.Path);
                return true;
            }
            catch (TextVaeException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10)), "the lock of the killed process was never released");
        taken!.Dispose();
    }

    [Fact]
    public void Two_trainings_into_one_folder_cannot_both_start()
    {
        using var directory = new TemporaryDirectory();
        var request = TinyModel.Request(directory.File("run"), "training.maxSteps=2");
        using var first = TrainingSession.Prepare(request, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        var message = Assert.Throws<TextVaeException>(() => TrainingSession.Prepare(request, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)).Message;
        Assert.Contains($"pid {Environment.ProcessId}", message);
    }
}
