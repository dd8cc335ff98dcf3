using System.Diagnostics;

namespace TextVae.Tests.Cli;

/// <summary>Runs the real <c>textvae</c> command (copied next to the tests) as a child process.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "textvae.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        // A test run started in the background (`dotnet test &`, as from a non-interactive script) ignores SIGINT,
        // and children inherit that; env restores the default so the child meets Ctrl+C as a terminal user's would.
        var info = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(ExecutablePath);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return info;
    }

    public static Result Run(string workingDirectory, TimeSpan timeout, params string[] args) => Run(StartInfo(workingDirectory, args), timeout);

    /// <summary>Runs a prepared <see cref="StartInfo"/> (e.g. with its environment changed), or any other program, to the end.</summary>
    public static Result Run(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    public static Result Run(params string[] args) => Run(Environment.CurrentDirectory, TimeSpan.FromSeconds(60), args);
}
