using System.Diagnostics;
using TextVae.Tests.Cli;
using TextVae.Checkpoints;

namespace TextVae.Tests.Reliability;

[Trait("Category", "Slow")]
public class DiskFullTests
{
    [TmpfsFact]
    public void A_full_disk_during_a_save_is_a_one_line_error_and_the_previous_checkpoint_stays_intact()
    {
        using var temp = new TemporaryDirectory();
        // A checkpoint of this model is about 500 KB: the first save fits, the second (written beside it) does not.
        using var disk = new SmallTmpfs(temp.File("disk"), "768k");
        var run = new RunFolder(Path.Combine(disk.Path, "run"));

        var result = CliProcess.Run(temp.Path, TimeSpan.FromSeconds(60), TinyRun.Args(run.Root,
            "tokenizer.size=500", "model.embeddingSize=16", "model.hiddenSize=32", "model.latentSize=8",
            "training.checkpointEvery=5", "training.logEvery=1000", "training.maxSteps=1000"));

        TinyRun.AssertEndsWithError(result, 1,
            $"could not save checkpoint {run.Last}: No space left on device", "the previous checkpoint is intact");
        Assert.Equal(5, Checkpoint.Load(run.Last).State.Step);
        // Besides the checkpoint only the run's TensorBoard log and its lock files may remain: no half-written temporary file.
        Assert.Equal(["last.tvae"], Directory.GetFileSystemEntries(run.Root).Select(Path.GetFileName)
            .Where(name => !name!.StartsWith("events.out.tfevents.", StringComparison.Ordinal) && !name.StartsWith("train.lock", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_created_is_a_one_line_error_naming_it()
    {
        using var temp = new TemporaryDirectory();
        // Permission bits do not stop root, which runs CI; a file in the way of the folder stops everyone.
        var blocker = temp.Write("a-file");
        var run = Path.Combine(blocker, "run");

        var result = CliProcess.Run(temp.Path, TimeSpan.FromSeconds(60), TinyRun.Args(run));

        TinyRun.AssertOneLineError(result, 1, $"cannot create the run folder {run}");
    }

    /// <summary>A tmpfs of a given size mounted for one test: a real ENOSPC without filling a real disk.</summary>
    internal sealed class SmallTmpfs : IDisposable
    {
        public SmallTmpfs(string path, string size)
        {
            Path = path;
            Directory.CreateDirectory(path);
            if (!Run(out var error, "mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path))
                throw new InvalidOperationException($"mount -t tmpfs failed: {error}");
        }

        public string Path { get; }

        public void Dispose() => Run(out _, "umount", Path);

        private static bool Run(out string error, string command, params string[] args)
        {
            var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in args)
                info.ArgumentList.Add(arg);
            try
            {
                using var process = Process.Start(info)!;
                error = process.StandardError.ReadToEnd().Trim();
                process.WaitForExit();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                error = e.Message;
                return false;
            }
        }
    }
}
