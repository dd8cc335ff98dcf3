using TextVae.Checkpoints;


namespace TextVae.Tests.Checkpoints;

public class CheckpointLocatorTests
{
    [Fact]
    public void The_newest_run_wins_and_best_is_preferred_within_a_run()
    {
        using var directory = new TemporaryDirectory();
        var runs = directory.File("runs");
        var old = Touch(Path.Combine(runs, "old", "best.tvae"), DateTime.UtcNow.AddHours(-2));
        var best = Touch(Path.Combine(runs, "new", "best.tvae"), DateTime.UtcNow.AddHours(-1));
        Touch(Path.Combine(runs, "new", "last.tvae"), DateTime.UtcNow);
        Directory.CreateDirectory(Path.Combine(runs, "empty"));

        Assert.Equal(best, CheckpointLocator.Resolve(null, runs));
        Assert.Equal(old, CheckpointLocator.Resolve(old, runs));
    }

    [Fact]
    public void Without_a_checkpoint_the_error_says_how_to_make_one()
    {
        using var directory = new TemporaryDirectory();

        var error = Assert.Throws<TextVaeException>(() => CheckpointLocator.Resolve(null, directory.File("runs")));

        Assert.Contains("textvae quickstart", error.Message);
        Assert.Contains("--checkpoint", error.Message);
        Assert.Contains("does not exist", Assert.Throws<TextVaeException>(() => CheckpointLocator.Resolve(directory.File("x.tvae"))).Message);
    }

    private static string Touch(string path, DateTime written)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
        File.SetLastWriteTimeUtc(path, written);
        return path;
    }
}
