namespace TextVae.Runtime;

/// <summary>
/// Resident memory of this process as the kernel counts it, native (libtorch) allocations included, which the
/// .NET heap statistics miss. Reads /proc/self/status; elsewhere falls back to the working set.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Current resident set size in MiB.</summary>
    public static double ResidentMiB() => ReadStatusKiB("VmRSS:") is { } kib ? kib / 1024.0 : Environment.WorkingSet / 1048576.0;

    /// <summary>Peak resident set size since the process started, in MiB.</summary>
    public static double PeakResidentMiB() => ReadStatusKiB("VmHWM:") is { } kib ? kib / 1024.0 : ResidentMiB();

    private static long? ReadStatusKiB(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
            return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        var number = line?[field.Length..].Trim().Split(' ')[0];
        return long.TryParse(number, out var kib) ? kib : null;
    }
}
