using System.Diagnostics;
using TextVae.Tests.Cli;

namespace TextVae.Tests.Reliability;

/// <summary>
/// <c>textvae train</c> on configs/tiny.json as a child process, with absolute corpus paths (the child runs in a
/// temporary folder) and one libtorch thread, so several such runs share the test machine's cores.
/// </summary>
internal static class TinyRun
{
    public static string[] Args(string runFolder, params string[] settings) =>
    [
        "train", "--config", RepositoryFiles.Get("configs/tiny.json"),
        "--set", $"data.train={RepositoryFiles.Get("corpora/default/train.txt")}",
        "--set", $"data.valid={RepositoryFiles.Get("corpora/default/valid.txt")}",
        "--set", "training.threads=1",
        "--set", "training.showReconstructions=0",
        .. settings.SelectMany(setting => new[] { "--set", setting }),
        "--out", runFolder, "--device", "cpu",
    ];

    public static string[] Resume(string runFolder) => ["train", "--resume", "--out", runFolder, "--device", "cpu"];

    /// <summary>Starts the child with standard input closed and its output collected, as a CI runner would.</summary>
    public static Process Start(string workingDirectory, string[] args, StringWriter? errorLines = null)
    {
        var process = Process.Start(CliProcess.StartInfo(workingDirectory, args))!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null && errorLines is not null)
                lock (errorLines)
                    errorLines.WriteLine(line.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls <paramref name="condition"/> every few milliseconds; false when <paramref name="timeout"/> passes first.</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan timeout, int pollMilliseconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
                return false;
            Thread.Sleep(pollMilliseconds);
        }
        return true;
    }

    /// <summary>
    /// The error policy when nothing was logged before the error: stderr is exactly one line,
    /// <c>textvae: error: ...</c>, that contains every fragment (the file or option, and the problem).
    /// </summary>
    public static void AssertOneLineError(CliProcess.Result result, int exitCode, params string[] fragments)
    {
        AssertEndsWithError(result, exitCode, fragments);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The error policy after log lines: one <c>textvae: error: ...</c> line, the last, and no stack trace.</summary>
    public static void AssertEndsWithError(CliProcess.Result result, int exitCode, params string[] fragments)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, line => line.StartsWith("textvae:", StringComparison.Ordinal));
        Assert.StartsWith("textvae: error: ", lines[^1]);
        foreach (var fragment in fragments)
            Assert.Contains(fragment, lines[^1]);
    }
}
