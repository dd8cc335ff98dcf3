using System.Diagnostics;
using System.Runtime.InteropServices;
using Parquet;
using Parquet.Schema;

namespace TextVae.Tests.Cli;

/// <summary>The sharded commands as a scheduler runs them: one process per shard, killed and rerun, stopped by SIGTERM.</summary>
[Collection(TinyModelCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ShardedCommandTests(TinyModel tiny) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory _directory = new();

    private string Data(int lines) => tiny.FirstValidSentences(_directory, lines);

    private CliProcess.Result Run(params string[] args)
    {
        // eval merge only adds up parts: it has no device to choose.
        string[] device = args is ["eval", "merge", ..] ? [] : ["--device", "cpu"];
        var result = CliProcess.Run(_directory.Path, Timeout, [.. args, .. device]);
        Assert.True(result.ExitCode == 0, $"textvae {string.Join(' ', args)}: {result.Error}");
        return result;
    }

    private static async Task<List<(long Line, string Text, double IwNll)>> ReadScores(params string[] files)
    {
        var rows = new List<(long, string, double)>();
        foreach (var file in files)
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            Assert.False(string.IsNullOrEmpty(reader.CustomMetadata["textvae.checkpoint_sha256"]));
            var fields = reader.Schema.GetDataFields();
            DataField Field(string name) => fields.Single(f => f.Name == name);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = (int)group.RowCount;
                var lines = new long[n];
                var texts = new string?[n];
                var nll = new double[n];
                await group.ReadAsync<long>(Field("line"), lines);
                await group.ReadAsync(Field("text"), texts.AsMemory());
                await group.ReadAsync<double>(Field("iw_nll"), nll);
                rows.AddRange(Enumerable.Range(0, n).Select(i => (lines[i], texts[i]!, nll[i])));
            }
        }
        return rows.OrderBy(row => row.Item1).ToList();
    }

    [Fact]
    public async Task Three_score_processes_write_parquet_files_whose_union_is_the_one_process_file()
    {
        var data = Data(45);
        string[] Score(string output, params string[] more) =>
            ["score", "--checkpoint", tiny.Checkpoint, "--data", data, "--samples", "3", "--block-lines", "5", "--out", output, .. more];
        Run(Score("whole.parquet"));
        foreach (var k in new[] { 2, 0, 1 })
            Run(Score("part-{shard}.parquet", "--shard", $"{k}/3"));

        var whole = await ReadScores(_directory.File("whole.parquet"));
        var union = await ReadScores(Enumerable.Range(0, 3).Select(k => _directory.File($"part-0000{k}.parquet")).ToArray());
        Assert.Equal(45, whole.Count);
        Assert.Equal(whole, union);

        var again = Run(Score("part-{shard}.parquet", "--shard", "1/3"));
        Assert.Contains("part-00001.parquet is complete; skipped", again.Error);
    }

    [Fact]
    public void Four_eval_parts_merge_into_the_one_process_report()
    {
        var data = Data(40);
        string[] Eval(params string[] more) =>
            ["eval", "--checkpoint", tiny.Checkpoint, "--data", data, "--samples", "2", "--prior-samples", "8", "--block-lines", "6", .. more];
        var one = Run(Eval("--json"));
        foreach (var k in Enumerable.Range(0, 4))
            Run(Eval("--shard", $"{k}/4", "--part", "eval-{shard}.json"));
        var merged = Run(["eval", "merge", .. Enumerable.Range(0, 4).Select(k => $"eval-0000{k}.json"), "--json"]);

        Assert.Equal(one.Output, merged.Output);
        var table = Run(["eval", "merge", .. Enumerable.Range(0, 4).Select(k => $"eval-0000{k}.json")]);
        Assert.Contains("40 sentences", table.Output);

        var missing = CliProcess.Run(_directory.Path, Timeout, "eval", "merge", "eval-00000.json", "eval-00002.json");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("shard(s) 1/4, 3/4 missing", missing.Error);
    }

    [Fact]
    public async Task A_killed_shard_leaves_no_file_under_its_name_and_its_rerun_completes_it()
    {
        var data = Data(200);
        string[] args = ["score", "--checkpoint", tiny.Checkpoint, "--data", data, "--samples", "300", "--block-lines", "10", "--shard", "0/2", "--out", "killed.parquet"];
        using (var process = Start(args))
        {
            Assert.True(SpinWait.SpinUntil(() => Partials("killed.parquet").Length > 0, Timeout), "no partial file appeared");
            process.Kill(); // SIGKILL, as a node failure or the OOM killer ends a task
            process.WaitForExit();
        }
        Assert.False(File.Exists(_directory.File("killed.parquet")));
        Assert.Single(Partials("killed.parquet"));

        Run(args);
        Assert.Empty(Partials("killed.parquet"));
        var rows = await ReadScores(_directory.File("killed.parquet"));
        Assert.Equal(100, rows.Count); // blocks 0, 2, 4, … of 10 lines: half of 200
        Assert.All(rows, row => Assert.Equal(0, (row.Line - 1) / 10 % 2));
    }

    [Fact]
    public async Task Sigterm_ends_a_shard_with_143_and_no_output_at_all()
    {
        var data = Data(200);
        using var process = Start("score", "--checkpoint", tiny.Checkpoint, "--data", data, "--samples", "300", "--block-lines", "10", "--out", "stopped.parquet");
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(SpinWait.SpinUntil(() => Partials("stopped.parquet").Length > 0, Timeout), "no partial file appeared");
        Assert.Equal(0, Kill(process.Id, 15));
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "still running 30 s after SIGTERM");

        Assert.Equal(143, process.ExitCode);
        Assert.Contains("stopped by SIGTERM", await error);
        Assert.False(File.Exists(_directory.File("stopped.parquet")));
        Assert.Empty(Partials("stopped.parquet"));
    }

    private string[] Partials(string name) => Directory.GetFiles(_directory.Path, name + ".partial-*");

    private Process Start(params string[] args)
    {
        var process = Process.Start(CliProcess.StartInfo(_directory.Path, [.. args, "--device", "cpu"]))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);

    public void Dispose() => _directory.Dispose();
}
