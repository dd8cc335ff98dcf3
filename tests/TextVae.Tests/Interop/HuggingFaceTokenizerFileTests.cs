using System.Diagnostics;
using System.Text.Json;
using TextVae.Interop;
using TextVae.Tests.Cli;
using TextVae.Tokenization;

namespace TextVae.Tests.Interop;

/// <summary>
/// tokenizer.json read by npm's @huggingface/tokenizers (an independent, pure-JavaScript reader) must give the ids
/// TextVae feeds the model (Encode after TextGenerator.Read's trim) for cased, accented, unknown and odd text; the
/// differences docs/interop.md states are checked to be exactly those.
/// </summary>
public sealed class HuggingFaceTokenizerFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    /// <summary>Sentences both sides must encode alike: unknown words, punctuation, mixed case, non-ASCII, odd spaces.</summary>
    private static readonly string[] Agreeing =
    [
        "the cat sat on the mat .",
        "The Cat SAT on the MAT .",
        "  Straße, café  and naïve — “quoted” text ",
        "Ko\u0308ln ist scho\u0308n, sagte sie.", // decomposed: NFC makes it the vocabulary's Köln
        "Köln ist schön, sagte sie.",
        "Übermorgen fährt der Zug um 7 Uhr.",
        "zyzzyva qwertyuiop flibbertigibbet",
        "don't you'll we've I'M they'RE",
        "a-very-long-hyphenated-word 3.14159 %$# (brackets) [x] {y}",
        "emoji 👍🏽 and 👨‍👩‍👧 and 家族 and नमस्ते दुनिया and বাংলা",
        "tabs\tand\nnewlines\u00A0no-break\u3000ideographic\u2028line",
        "x",
    ];

    /// <summary>Sentences where the reader differs, each with the tokenizers it differs on (see docs/interop.md).</summary>
    private static readonly (string Sentence, Func<ISentenceTokenizer, bool> Differs)[] Differing =
    [
        ("a <pad> b <eos>", _ => true), // special-token text is cut out of the raw text by Hugging Face readers
        ("<unk> is how ptb writes unknown words", t => t is BpeSentenceTokenizer), // a word vocabulary reads <unk> as <unk> too
        ("ΣΊΣΥΦΟΣ ΟΔΟΣ", Lowercases), // final sigma: JavaScript's toLowerCase gives ς, .NET and Rust σ
        ("İstanbul", Lowercases), // U+0130: .NET keeps it, Hugging Face (Rust and JavaScript) makes i + U+0307
        ("the\uFEFFend", t => t is WordTokenizer), // JavaScript's \s in WhitespaceSplit counts U+FEFF as a space
        ("the\u0085end", t => t is WordTokenizer), // ... and U+0085 not
        ("\uFEFFthe end", _ => true), // JavaScript's trim() removes U+FEFF
    ];

    [Fact]
    public void A_word_vocabulary_becomes_word_level_with_whitespace_split_nfc_strip_lowercase_and_the_special_tokens()
    {
        var tokenizer = new WordTokenizer(["the", "cat", "Köln", "."], lowercase: true);

        using var file = JsonDocument.Parse(HuggingFaceTokenizerFile.Create(tokenizer));

        var root = file.RootElement;
        var model = root.GetProperty("model");
        Assert.Equal("WordLevel", model.GetProperty("type").GetString());
        Assert.Equal("<unk>", model.GetProperty("unk_token").GetString());
        Assert.Equal(Enumerable.Range(0, tokenizer.VocabularySize).Select(tokenizer.TokenText),
            model.GetProperty("vocab").EnumerateObject().OrderBy(p => p.Value.GetInt32()).Select(p => p.Name));
        Assert.Equal(Enumerable.Range(0, tokenizer.VocabularySize), model.GetProperty("vocab").EnumerateObject().Select(p => p.Value.GetInt32()).Order());
        Assert.Equal(["NFC", "Strip", "Lowercase"], Types(root.GetProperty("normalizer").GetProperty("normalizers")));
        Assert.Equal("WhitespaceSplit", root.GetProperty("pre_tokenizer").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("post_processor").ValueKind);
        var added = root.GetProperty("added_tokens").EnumerateArray().ToList();
        Assert.Equal(SpecialTokens.Texts, added.Select(t => t.GetProperty("content").GetString()));
        Assert.Equal([0, 1, 2, 3], added.Select(t => t.GetProperty("id").GetInt32()));
        Assert.All(added, t => Assert.True(t.GetProperty("special").GetBoolean()));

        using var cased = JsonDocument.Parse(HuggingFaceTokenizerFile.Create(new WordTokenizer(["the"], lowercase: false)));
        Assert.Equal(["NFC", "Strip"], Types(cased.RootElement.GetProperty("normalizer").GetProperty("normalizers")));
    }

    [Fact]
    public void A_bpe_vocabulary_becomes_bpe_with_merges_textvae_split_regex_and_byte_level_steps()
    {
        var tokenizer = Bpe(lowercase: false);

        using var file = JsonDocument.Parse(HuggingFaceTokenizerFile.Create(tokenizer));

        var root = file.RootElement;
        var model = root.GetProperty("model");
        Assert.Equal("BPE", model.GetProperty("type").GetString());
        Assert.Equal(tokenizer.Merges.Select(m => $"{m.Left} {m.Right}"), model.GetProperty("merges").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(tokenizer.VocabularySize, model.GetProperty("vocab").EnumerateObject().Count());
        Assert.Equal(tokenizer.VocabularySize - 1, model.GetProperty("vocab").GetProperty(tokenizer.TokenSpelling(tokenizer.VocabularySize - 1)).GetInt32());
        var steps = root.GetProperty("pre_tokenizer").GetProperty("pretokenizers").EnumerateArray().ToList();
        Assert.Equal(["Split", "ByteLevel"], steps.Select(s => s.GetProperty("type").GetString()));
        Assert.Equal(BpeSentenceTokenizer.PreTokenPattern().ToString(), steps[0].GetProperty("pattern").GetProperty("Regex").GetString());
        Assert.False(steps[1].GetProperty("use_regex").GetBoolean());
        Assert.False(steps[1].GetProperty("add_prefix_space").GetBoolean());
        Assert.Equal("ByteLevel", root.GetProperty("decoder").GetProperty("type").GetString());
    }

    [HuggingFaceTokenizersFact]
    [Trait("Category", "Slow")] // starts node
    public void Huggingface_tokenizers_js_encodes_like_textvae_and_differs_only_where_docs_say()
    {
        var vocabulary = VocabularyBuilder.Build(Corpus(), new VocabularyOptions(TokenizerKind.Word, 400, 1, Lowercase: false)).Tokenizer;
        var words = Enumerable.Range(SpecialTokens.Count, vocabulary.VocabularySize - SpecialTokens.Count).Select(vocabulary.TokenText)
            .Concat(["İstanbul", "σίσυφοσ", "οδοσ", "ΣΊΣΥΦΟΣ", "ΟΔΟΣ", "the\uFEFFend", "\uFEFFthe"]).Distinct().ToArray();
        ISentenceTokenizer[] tokenizers =
        [
            new WordTokenizer(words, lowercase: true),
            new WordTokenizer(words, lowercase: false),
            Bpe(lowercase: true),
            Bpe(lowercase: false),
        ];
        var sentences = Agreeing.Concat(Differing.Select(d => d.Sentence)).ToArray();
        foreach (var tokenizer in tokenizers)
        {
            var name = $"{EnumSpelling.Of(tokenizer.Kind)}, lowercase {Lowercases(tokenizer)}";
            var (ids, wordPiece) = EncodeWithJavaScript(tokenizer, sentences);
            for (var i = 0; i < sentences.Length; i++)
            {
                var expected = tokenizer.Encode(sentences[i].Trim()); // TextGenerator.Read trims before encoding
                var differs = i >= Agreeing.Length && Differing[i - Agreeing.Length].Differs(tokenizer);
                var because = $"{name}: '{sentences[i]}': TextVae [{string.Join(' ', expected)}], JavaScript [{string.Join(' ', ids[i])}]";
                Assert.True(differs != expected.SequenceEqual(ids[i]), (differs ? "expected a difference: " : "") + because);
                if (wordPiece is not null)
                    Assert.Equal(ids[i], wordPiece[i]); // the WordLevel file read as WordPiece without continuations: the same ids
            }
            Assert.Equal(tokenizer is WordTokenizer, wordPiece is not null);
        }
    }

    private (int[][] Ids, int[][]? WordPiece) EncodeWithJavaScript(ISentenceTokenizer tokenizer, string[] sentences)
    {
        var file = _directory.WriteBytes($"{tokenizer.Kind}-{Lowercases(tokenizer)}.json", HuggingFaceTokenizerFile.Create(tokenizer));
        var input = _directory.WriteBytes("sentences.json", JsonSerializer.SerializeToUtf8Bytes(sentences));
        var info = new ProcessStartInfo(HuggingFaceTokenizersFactAttribute.Node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[HuggingFaceTokenizersFactAttribute.Script, file, input])
            info.ArgumentList.Add(arg);
        var result = CliProcess.Run(info, TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, $"node failed ({result.ExitCode}):\n{result.Output}\n{result.Error}");
        using var output = JsonDocument.Parse(result.Output);
        static int[][] Read(JsonElement lists) => lists.EnumerateArray().Select(l => l.EnumerateArray().Select(id => id.GetInt32()).ToArray()).ToArray();
        return (Read(output.RootElement.GetProperty("ids")),
            output.RootElement.TryGetProperty("wordpiece", out var wordPiece) ? Read(wordPiece) : null);
    }

    private BpeSentenceTokenizer Bpe(bool lowercase) =>
        (BpeSentenceTokenizer)VocabularyBuilder.Build(Corpus(), new VocabularyOptions(TokenizerKind.Bpe, 600, 1, lowercase)).Tokenizer;

    /// <summary>The first Brown lines plus the test sentences' own text, so that their words are in the vocabularies.</summary>
    private string Corpus() =>
        _directory.Write("corpus.txt", [.. File.ReadLines(RepositoryFiles.Get("corpora/brown/train.txt")).Take(300), .. Agreeing.Where(s => s.Length > 2).Select(s => s.ReplaceLineEndings(" "))]);

    private static bool Lowercases(ISentenceTokenizer tokenizer) => tokenizer switch
    {
        WordTokenizer word => word.Lowercase,
        BpeSentenceTokenizer bpe => bpe.Lowercase,
        _ => false,
    };

    private static string[] Types(JsonElement steps) => steps.EnumerateArray().Select(s => s.GetProperty("type").GetString()!).ToArray();

    public void Dispose() => _directory.Dispose();
}
