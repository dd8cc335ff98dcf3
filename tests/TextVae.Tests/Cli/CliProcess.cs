using System.Diagnostics;

namespace TextVae.Tests.Cli;

/// <summary>Runs the real <c>textvae</c> command (copied next to the tests) as a child process.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "textvae.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ExecutablePath);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return info;
    }

    public static Result Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"textvae {string.Join(' ', args)} did not finish within {timeout}");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    public static Result Run(params string[] args) => Run(Environment.CurrentDirectory, TimeSpan.FromSeconds(60), args);
}
