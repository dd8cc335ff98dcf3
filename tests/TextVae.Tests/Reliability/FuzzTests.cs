using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using TextVae.Tokenization;
using Xunit.Abstractions;
using TextVae.Checkpoints;
using TextVae.Corpora;
using static TorchSharp.torch;

namespace TextVae.Tests.Reliability;

/// <summary>
/// Seeded, time-bounded fuzzing of the three readers of untrusted input: the corpus reader, the tokenizers and
/// the checkpoint loader. A failure names the seed and the input number, so it replays.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    [Fact]
    public void The_corpus_reader_returns_clean_lines_or_a_TextVaeException_for_any_bytes()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("corpus.txt");
        Fuzz(seed: 11, (random, describe) =>
        {
            File.WriteAllBytes(path, RandomCorpus(random));
            var reader = new CorpusReader(path, strict: random.Next(4) == 0);
            OnlyTextVaeErrors(describe, () =>
            {
                var lines = reader.ReadLines().ToList();
                var statistics = reader.Statistics;
                Assert.Equal(statistics.UsableLines, lines.Count);
                Assert.Equal(statistics.Lines, statistics.UsableLines + statistics.EmptyLines + statistics.InvalidLines);
                Assert.All(lines, line => Assert.False(string.IsNullOrWhiteSpace(line.Text) || line.Text.IndexOfAny(['\n', '\0']) >= 0, $"{describe()}: line '{line.Text}'"));
            });
        });
    }

    [Fact]
    public void The_tokenizers_encode_and_decode_any_string_and_BPE_round_trips_valid_text()
    {
        var word = TokenizerFiles.Load(RepositoryFiles.Get("vocab/default-word"));
        var bpe = TokenizerFiles.Load(RepositoryFiles.Get("vocab/brown-bpe-8k"));
        Fuzz(seed: 12, (random, describe) =>
        {
            var text = RandomText(random);
            foreach (var tokenizer in new[] { word, bpe })
            {
                var ids = tokenizer.Encode(text);
                Assert.All(ids, id => Assert.InRange(id, 0, tokenizer.VocabularySize - 1));
                var decoded = tokenizer.Decode(ids);
                if (tokenizer == bpe && IsValidUtf16(text))
                    Assert.True(decoded == text.Normalize(NormalizationForm.FormC), $"{describe()}: '{text}' came back as '{decoded}'");
            }
        });
    }

    [Fact]
    public void The_checkpoint_loader_throws_only_TextVaeException_for_damaged_or_hostile_files()
    {
        using var temp = new TemporaryDirectory();
        var original = File.ReadAllBytes(SmallCheckpoint.Write(temp.File("good.tvae")));
        var path = temp.File("fuzzed.tvae");
        Fuzz(seed: 13, (random, describe) =>
        {
            // Half the inputs get a valid checksum, so the parsing behind it is fuzzed too, not only the check.
            var withChecksum = random.Next(2) == 0;
            var bytes = Mutate(random, withChecksum ? original[..^32] : original);
            File.WriteAllBytes(path, withChecksum ? [.. bytes, .. SHA256.HashData(bytes)] : bytes);
            OnlyTextVaeErrors(describe, () =>
            {
                var checkpoint = Checkpoint.Load(path);
                using var model = checkpoint.CreateModel(CPU);
                using var optimizer = optim.Adam(model.parameters());
                checkpoint.LoadOptimizerInto(optimizer);
            });
        });
    }

    /// <summary>Runs <paramref name="input"/> on fresh random inputs until the budget is spent; a hang fails the test.</summary>
    private void Fuzz(int seed, Action<Random, Func<string>> input)
    {
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var count = 0;
        var run = Task.Run(() =>
        {
            for (; clock.Elapsed < Budget; count++)
            {
                var number = count;
                input(random, () => $"seed {seed}, input {number}");
            }
        });
        Assert.True(run.Wait(Budget + TimeSpan.FromSeconds(30)) || run.IsFaulted, $"seed {seed}, input {count} did not finish (a hang)");
        run.GetAwaiter().GetResult();
        output.WriteLine($"{count} inputs in {clock.Elapsed.TotalSeconds:F1} s (seed {seed})");
    }

    private static void OnlyTextVaeErrors(Func<string> describe, Action action)
    {
        try
        {
            action();
        }
        catch (TextVaeException)
        {
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{describe()}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static byte[] RandomCorpus(Random random)
    {
        var bytes = new List<byte>();
        for (var piece = random.Next(30); piece > 0; piece--)
        {
            bytes.AddRange(random.Next(12) switch
            {
                0 => "\n"u8.ToArray(),
                1 => "\r\n"u8.ToArray(),
                2 => "\r"u8.ToArray(),
                3 => random.Next(20) == 0 ? [0] : " "u8.ToArray(),
                4 => [0xEF, 0xBB, 0xBF], // a byte order mark, at the start or anywhere
                5 => [(byte)random.Next(0x80, 0x100)], // a stray continuation or lead byte
                6 => [0xED, 0xA0, 0x80], // a UTF-16 surrogate encoded in UTF-8: invalid
                7 => [0xC0, 0x80], // an overlong NUL: invalid
                8 => Encoding.UTF8.GetBytes(RandomText(random)),
                _ => Encoding.UTF8.GetBytes($"word{random.Next(100)} "),
            });
        }
        return [.. bytes];
    }

    /// <summary>Text from the corners of Unicode: controls, combining marks, right-to-left scripts and marks, emoji, lone surrogates.</summary>
    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        for (var piece = random.Next(20); piece > 0; piece--)
        {
            switch (random.Next(10))
            {
                case 0: text.Append((char)random.Next(0, 0x20)); break;
                case 1: text.Append((char)random.Next(0x300, 0x370)); break;
                case 2: text.Append((char)random.Next(0x590, 0x700)); break;
                case 3: text.Append(random.Next(2) == 0 ? '\u202E' : '\u200F'); break;
                case 4: text.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))); break;
                case 5: text.Append((char)random.Next(0xD800, 0xE000)); break;
                case 6: text.Append((char)random.Next(0x4E00, 0x9FFF)); break;
                case 7: text.Append(' '); break;
                default: text.Append("the cat sat É ß ."[random.Next(16)]); break;
            }
        }
        return text.ToString();
    }

    private static bool IsValidUtf16(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) == text;

    private static byte[] Mutate(Random random, byte[] original)
    {
        var bytes = new List<byte>(original);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256)));
                    break;
                default:
                    for (var i = at; i < Math.Min(bytes.Count, at + random.Next(1, 16)); i++)
                        bytes[i] = (byte)random.Next(256);
                    break;
            }
            if (bytes.Count == 0)
                break;
        }
        return [.. bytes];
    }
}
