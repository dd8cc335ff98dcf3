using System.Diagnostics;
using TextVae.Training;
using TextVae.Checkpoints;

namespace TextVae.Tests.Reliability;

/// <summary>What a killed process leaves behind must not confuse or clutter the next run.</summary>
public class LeftoverFileTests
{
    [Trait("Category", "Slow")] // starts a child process for the id of a dead one
    [Fact]
    public void Temporary_files_of_dead_processes_are_removed_and_those_of_running_ones_kept()
    {
        using var temp = new TemporaryDirectory();
        var dead = temp.WriteBytes($".last.tvae.{DeadProcessId()}.tmp", [1, 2, 3]);
        var running = temp.WriteBytes($".last.tvae.{Environment.ProcessId}.tmp", [1, 2, 3]);
        var unrelated = temp.WriteBytes(".notes.tmp", [1]);

        var removed = CheckpointFile.RemoveStaleTemporaryFiles(temp.Path);

        Assert.Equal([dead], removed);
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(running));
        Assert.True(File.Exists(unrelated));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_metrics_line_cut_short_by_a_kill_is_dropped_and_a_damaged_line_elsewhere_is_an_error_naming_it()
    {
        using var temp = new TemporaryDirectory();
        var log = new MetricsLog(temp.File("metrics.jsonl"));
        log.Append(new MetricsRecord { Kind = MetricsRecordKind.Train, Step = 10, Epoch = 1, Loss = 3.5 });
        log.Append(new MetricsRecord { Kind = MetricsRecordKind.Train, Step = 20, Epoch = 1, Loss = 2.5 });
        File.AppendAllText(log.Path, """{"kind":"train","st""");

        log.TruncateAfter(10);

        Assert.Equal([10L], log.ReadAll().Select(record => record.Step));
        File.WriteAllText(log.Path, "garbage\n" + File.ReadAllText(log.Path));
        Assert.StartsWith($"{log.Path}:1: not a metrics record", Assert.ThrowsAny<TextVaeException>(log.ReadAll).Message);
    }

    /// <summary>The id of a process that has just exited, so no process holds it now.</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
