using System.Diagnostics;

namespace TextVae.Benchmarking;

/// <summary>A standard compressor run on the same file for comparison: its output size and time, or absent.</summary>
public sealed record ExternalCompressor(string Name, string Program, string[] Arguments)
{
    /// <summary>The tools people compress text with, at their strongest common settings.</summary>
    public static readonly ExternalCompressor[] Standard =
    [
        new("gzip -9", "gzip", ["-9", "-c"]),
        new("xz -9e", "xz", ["-9e", "-c"]),
        new("zstd -19", "zstd", ["-19", "-c", "-q"]),
        new("brotli -q 11", "brotli", ["-q", "11", "-c"]),
    ];

    /// <summary>Compresses <paramref name="path"/>; null when the program is not installed.</summary>
    public (long Bytes, double Seconds)? Measure(string path)
    {
        var info = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in Arguments)
            info.ArgumentList.Add(argument);
        info.ArgumentList.Add(path);
        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            using var counter = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(counter);
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new TextVaeException($"{Name} failed on {path}: {error.Result.Trim()}");
            return (counter.Length, clock.Elapsed.TotalSeconds);
        }
    }
}
