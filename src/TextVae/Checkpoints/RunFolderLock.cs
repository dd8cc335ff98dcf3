using System.Globalization;
using TextVae.Output;

namespace TextVae.Checkpoints;

/// <summary>
/// Keeps two training processes out of one run folder. The lock is the operating system's lock on
/// <c>train.lock</c> (flock, which Linux carries over NFS as a POSIX lock), so it is released whenever the holder
/// ends, even by <c>kill -9</c> or a crashed node's lease running out: a lock file left behind never blocks a new
/// run. The holder's process id, host and start time are kept beside it in <c>train.lock.holder</c> for the message.
/// </summary>
public sealed class RunFolderLock : IDisposable
{
    public const string FileName = "train.lock";
    public const string HolderFileName = "train.lock.holder";

    private readonly FileStream _lock;

    private RunFolderLock(FileStream @lock) => _lock = @lock;

    /// <summary>Locks <paramref name="folder"/> (which must exist) or throws, naming the process that holds it.</summary>
    public static RunFolderLock Acquire(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var holderPath = Path.Combine(folder, HolderFileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new TextVaeException($"{folder} is in use by another training run ({Holder(holderPath)}); wait for it to end or choose another run folder");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextVaeException($"cannot lock the run folder {folder}: {e.Message}", e);
        }
        AtomicFile.WriteAllText(holderPath, string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z\n"));
        return new RunFolderLock(stream);
    }

    private static string Holder(string holderPath)
    {
        try
        {
            return File.ReadAllText(holderPath).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "holder unknown";
        }
    }

    /// <summary>Releases the lock; the files stay, and the next run takes them over.</summary>
    public void Dispose() => _lock.Dispose();
}
