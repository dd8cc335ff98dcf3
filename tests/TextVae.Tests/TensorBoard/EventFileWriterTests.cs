using System.Text;
using TextVae.TensorBoard;

namespace TextVae.Tests.TensorBoard;

public sealed class EventFileWriterTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void The_reader_s_crc32c_matches_the_published_check_value()
    {
        Assert.Equal(0xE3069283u, EventFileReader.Crc32C(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Scalars_text_and_a_session_start_read_back_in_order()
    {
        string path;
        using (var writer = new EventFileWriter(_directory.Path))
        {
            path = writer.Path;
            writer.SessionStart(40);
            writer.Scalar("train/loss", 41, 3.25);
            writer.Scalar("valid/elbo", 1_000_000_000_000, -70.125);
            writer.Text("valid/samples", 42, "1. Köln \\| ist schön");
        }

        var events = EventFileReader.Read(path);

        Assert.Contains(EventFileWriter.FileMarker, Path.GetFileName(path));
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        Assert.Equal((40, 1), (events[1].Step, events[1].SessionStatus!.Value));
        Assert.Equal(new EventFileReader.Value("train/loss", 3.25f, null, null), events[2].Values.Single());
        Assert.Equal(41, events[2].Step);
        Assert.Equal((1_000_000_000_000, -70.125f), (events[3].Step, events[3].Values.Single().Simple!.Value));
        Assert.Equal(new EventFileReader.Value("valid/samples", null, "text", "1. Köln \\| ist schön"), events[4].Values.Single());
        Assert.All(events, e => Assert.InRange(e.WallTime, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
    }

    public void Dispose() => _directory.Dispose();
}
