namespace TextVae.Tests.Reliability;

/// <summary>
/// A test that mounts a small tmpfs (CI runs as root, where mounting works): reported as skipped, with the
/// reason, on a machine that cannot mount one, never passed without running.
/// </summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly string? Unavailable = Probe();

    public TmpfsFactAttribute()
    {
        if (Unavailable is not null)
            Skip = $"needs a tmpfs mount for a real full disk: {Unavailable}";
    }

    private static string? Probe()
    {
        var directory = Directory.CreateTempSubdirectory("textvae-tmpfs-probe-").FullName;
        try
        {
            using (new DiskFullTests.SmallTmpfs(directory, "64k"))
                return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
        finally
        {
            Directory.Delete(directory);
        }
    }
}
