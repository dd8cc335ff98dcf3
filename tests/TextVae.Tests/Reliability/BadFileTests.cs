using System.Text;
using TextVae.Tests.Cli;
using TextVae.Checkpoints;

namespace TextVae.Tests.Reliability;

/// <summary>
/// Every kind of file that <c>textvae train</c> reads, broken in the ways files break: each is one line on
/// stderr that names the file and the problem, exit code 1, no stack trace, and no hang (the run has a time limit).
/// </summary>
public class BadFileTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    public static TheoryData<string> Cases =>
    [
        "config: random bytes", "config: empty", "config: truncated JSON", "config: a PNG image", "config: a JSON array",
        "corpus: random invalid UTF-8", "corpus: empty", "corpus: a PNG image", "corpus: UTF-16 text", "corpus: a folder",
        "vocabulary: an empty folder", "vocabulary: garbage tokenizer.json", "vocabulary: vocab.txt missing", "vocabulary: random vocab.txt", "vocabulary: a file",
        "checkpoint: random bytes", "checkpoint: empty", "checkpoint: truncated", "checkpoint: one byte changed", "checkpoint: a PNG image",
        "checkpoint: a container without a model",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_file_is_a_one_line_error_naming_the_file_and_the_problem(string name)
    {
        using var temp = new TemporaryDirectory();
        var (args, fragments) = Arrange(name, temp);

        var result = CliProcess.Run(temp.Path, TimeSpan.FromSeconds(30), args);

        TinyRun.AssertOneLineError(result, 1, fragments);
    }

    private static (string[] Args, string[] Fragments) Arrange(string name, TemporaryDirectory temp)
    {
        var random = new Random(name.Length);
        var run = temp.File("run");
        var kind = name[..name.IndexOf(':')];
        var what = name[(kind.Length + 2)..];
        switch (kind)
        {
            case "config":
                var config = temp.WriteBytes("config.json", what switch
                {
                    "random bytes" => RandomBytes(random, 2000),
                    "empty" => [],
                    "truncated JSON" => File.ReadAllBytes(RepositoryFiles.Get("configs/tiny.json"))[..120],
                    "a PNG image" => Png,
                    _ => "[1, 2]"u8.ToArray(),
                });
                return (["train", "--config", config, "--out", run, "--device", "cpu"], [config, "is not valid JSON"]);

            case "corpus":
                var corpus = temp.File("corpus.txt");
                if (what == "a folder")
                    Directory.CreateDirectory(corpus);
                else
                    File.WriteAllBytes(corpus, what switch
                    {
                        "random invalid UTF-8" => RandomBytes(random, 5000).Select(b => b == (byte)'\n' ? b : (byte)(0x80 | b)).ToArray(),
                        "empty" => [],
                        "a PNG image" => Png,
                        _ => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("the cat sat .\n")).ToArray(),
                    });
                var problem = what switch
                {
                    "random invalid UTF-8" => "invalid UTF-8",
                    "empty" => "the file is empty",
                    "a folder" => "is a folder",
                    _ => "contains a NUL byte",
                };
                return (TinyRun.Args(run, $"data.train={corpus}"), [corpus, problem]);

            case "vocabulary":
                var folder = temp.File("vocab");
                if (what == "a file")
                    File.WriteAllText(folder, "the\ncat\n");
                else
                    Directory.CreateDirectory(folder);
                var manifest = Path.Combine(folder, "tokenizer.json");
                var expected = what switch
                {
                    "an empty folder" => "tokenizer.json is missing",
                    "garbage tokenizer.json" => Write(manifest, RandomBytes(random, 300), "tokenizer.json is not a valid manifest"),
                    "vocab.txt missing" => Write(manifest, """{"kind":"word","lowercase":true,"vocabularySize":9}"""u8.ToArray(), "vocab.txt is missing"),
                    "random vocab.txt" => Write(manifest, """{"kind":"word","lowercase":true,"vocabularySize":9}"""u8.ToArray(),
                        Write(Path.Combine(folder, "vocab.txt"), RandomBytes(random, 500), "vocab.txt: token 0 must be <pad>")),
                    _ => "is a file",
                };
                return (TinyRun.Args(run, $"tokenizer.path={folder}"), [folder, expected]);

            default:
                var last = new RunFolder(run).Create().Last;
                var bytes = File.ReadAllBytes(SmallCheckpoint.Write(temp.File("good.tvae")));
                var damage = what switch
                {
                    "random bytes" => Write(last, RandomBytes(random, 3000), "is not a TextVae checkpoint"),
                    "empty" => Write(last, [], "is not a TextVae checkpoint"),
                    "truncated" => Write(last, bytes[..(bytes.Length * 2 / 3)], "is truncated"),
                    "one byte changed" => Write(last, Changed(bytes, bytes.Length / 2), "checksum mismatch"),
                    "a PNG image" => Write(last, Png, "is not a TextVae checkpoint"),
                    _ => Container(last),
                };
                return (TinyRun.Resume(run), [last, damage]);
        }
    }

    private static string Container(string path)
    {
        CheckpointFile.Write(path, new Dictionary<string, byte[]> { ["notes.txt"] = "not a model"u8.ToArray() });
        return "is incompatible";
    }

    private static string Write(string path, byte[] contents, string expected)
    {
        File.WriteAllBytes(path, contents);
        return expected;
    }

    private static byte[] Changed(byte[] bytes, int index)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] ^= 0x10;
        return copy;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
