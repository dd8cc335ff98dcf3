using System.Diagnostics;

namespace TextVae.Tests.Tui;

/// <summary>
/// A private tmux server (its own socket) holding one session: a real pseudo-terminal for an end-to-end run of the
/// UI. The server is killed on dispose, whatever state the program in it is in.
/// </summary>
internal sealed class Tmux : IDisposable
{
    private const string Session = "textvae";
    private readonly string _socket = $"textvae-test-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public static bool Available { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, "tmux")));

    /// <summary>Starts <paramref name="command"/> (run directly, no shell) in a <paramref name="width"/> × <paramref name="height"/> terminal.</summary>
    public void Start(string workingDirectory, int width, int height, params string[] command) =>
        Run(["new-session", "-d", "-s", Session, "-x", $"{width}", "-y", $"{height}", "-c", workingDirectory, .. command]);

    /// <summary>Sends tmux key names such as "F4" or "C-g".</summary>
    public void Keys(params string[] keys) => Run(["send-keys", "-t", Session, .. keys]);

    /// <summary>Sends <paramref name="text"/> literally, character by character.</summary>
    public void Type(string text) => Run(["send-keys", "-t", Session, "-l", text]);

    public string Capture() => Run(["capture-pane", "-p", "-t", Session]);

    public bool Running => TryRun(["has-session", "-t", Session], out _);

    /// <summary>Polls the pane until <paramref name="done"/> holds for its text; fails with the last screen after <paramref name="timeout"/>.</summary>
    public string WaitFor(Func<string, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        while (clock.Elapsed < timeout)
        {
            if (!Running)
                throw new InvalidOperationException($"the program ended while waiting for {what}; last screen:\n{screen}");
            screen = Capture();
            if (done(screen))
                return screen;
            Thread.Sleep(200);
        }
        throw new TimeoutException($"no {what} within {timeout}; screen:\n{screen}");
    }

    /// <summary>As <see cref="WaitFor"/>, then until the pane stays the same for <paramref name="quiet"/>: keys sent one by one may each show a result.</summary>
    public string WaitForSettled(Func<string, bool> done, TimeSpan timeout, TimeSpan quiet, string what)
    {
        var clock = Stopwatch.StartNew();
        var screen = WaitFor(done, timeout, what);
        while (clock.Elapsed < timeout)
        {
            Thread.Sleep(quiet);
            var again = Capture();
            if (again == screen && done(again))
                return again;
            screen = again;
        }
        throw new TimeoutException($"the {what} did not settle within {timeout}; screen:\n{screen}");
    }

    public void Dispose() => TryRun(["kill-server"], out _);

    private string Run(string[] args) =>
        TryRun(args, out var output) ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {output}");

    private bool TryRun(string[] args, out string output)
    {
        var info = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        // The test process disables Terminal.Gui's terminal I/O for the headless tests; the real app needs it.
        info.Environment.Remove("DisableRealDriverIO");
        using var process = Process.Start(info)!;
        var standardError = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            output += standardError.Result;
        return process.ExitCode == 0;
    }
}
