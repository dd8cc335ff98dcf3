using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TextVae.Model;
using TextVae.Runtime;
using TextVae.Tokenization;
using TextVae.Checkpoints;
using static TorchSharp.torch;

namespace TextVae.Interop;

/// <summary>
/// Turns a checkpoint into a folder that tools outside .NET can load: <c>model.safetensors</c> (every parameter
/// and buffer under its TorchSharp name, which is also its PyTorch name), <c>config.json</c> (the architecture,
/// the tokenizer's rules, the special tokens, versions and the checkpoint's hash) and the tokenizer's vocabulary
/// in the files Hugging Face tools read (<c>vocab.json</c> + <c>merges.txt</c>, or <c>vocab.txt</c>), and the whole
/// tokenizer as a Hugging Face <c>tokenizer.json</c> (<see cref="HuggingFaceTokenizerFile"/>).
/// <c>src/python/textvae_torch</c> rebuilds the network from these files.
/// </summary>
public static class ModelExport
{
    public const string WeightsFile = "model.safetensors";
    public const string ConfigFile = "config.json";
    public const string Format = "textvae-export";

    /// <summary>Raised whenever config.json changes in a way a loader must know about.</summary>
    public const int FormatVersion = 1;

    private static readonly string[] OwnFiles =
        [
            WeightsFile, ConfigFile, HuggingFaceTokenizerFile.FileName,
            WordTokenizer.VocabularyFile, BpeSentenceTokenizer.VocabularyFile, BpeSentenceTokenizer.MergesFile,
        ];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes the export of the checkpoint file <paramref name="checkpointPath"/> into <paramref name="directory"/>.</summary>
    /// <exception cref="TextVaeException">The checkpoint cannot be read, or <paramref name="directory"/> holds other files.</exception>
    public static ExportedModel Write(string checkpointPath, string directory)
    {
        TorchRuntime.EnsureLoaded();
        var checkpoint = Checkpoint.Load(checkpointPath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(checkpointPath)));
        PrepareDirectory(directory);

        using var model = new SentenceVae(checkpoint.Config.Model);
        checkpoint.LoadWeightsInto(model);
        var tensors = model.state_dict().ToList();
        var files = new List<string>();

        void WriteFile(string name, Action<Stream> write)
        {
            var path = Path.Combine(directory, name);
            try
            {
                using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
                write(stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TextVaeException($"could not write {path}: {e.Message}", e);
            }
            files.Add(name);
        }

        WriteFile(WeightsFile, stream => SafetensorsFile.Write(stream, tensors, new Dictionary<string, string>
        {
            ["format"] = "pt",
            ["textvae_version"] = TextVaeVersion.Current,
        }));
        var tokenizerFiles = checkpoint.Tokenizer.ExportFiles()
            .Where(file => file.Key != TokenizerFiles.ManifestFile) // TextVae's own manifest; config.json says the same for everyone
            .OrderBy(file => file.Key, StringComparer.Ordinal)
            .ToList();
        tokenizerFiles.Add(KeyValuePair.Create(HuggingFaceTokenizerFile.FileName, HuggingFaceTokenizerFile.Create(checkpoint.Tokenizer)));
        foreach (var (name, bytes) in tokenizerFiles)
            WriteFile(name, stream => stream.Write(bytes));
        var config = Describe(checkpoint, hash, tokenizerFiles.Select(file => file.Key).ToArray());
        WriteFile(ConfigFile, stream => JsonSerializer.Serialize(stream, config, Json));

        return new ExportedModel(directory, files, tensors.Count, model.parameters().Sum(p => p.numel()), hash);
    }

    private static object Describe(Checkpoint checkpoint, string hash, string[] tokenizerFiles) => new
    {
        Format,
        FormatVersion,
        TextvaeVersion = TextVaeVersion.Current,
        Checkpoint = new
        {
            Sha256 = hash,
            TrainedWith = checkpoint.Info.TextVaeVersion,
            checkpoint.State.Step,
            checkpoint.Info.SavedAt,
        },
        checkpoint.Config.Model,
        Tokenizer = new
        {
            checkpoint.Tokenizer.Kind,
            checkpoint.Tokenizer.VocabularySize,
            Files = tokenizerFiles,
            Normalization = "NFC",
            Lowercase = IsLowercasing(checkpoint.Tokenizer),
            LowercaseRule = "per code point, simple (one-to-one) Unicode mapping, culture-invariant: no final-sigma rule; U+0130 stays",
            Trim = "leading and trailing whitespace is removed before encoding",
            Split = checkpoint.Tokenizer.Kind == TokenizerKind.Word
                ? "whitespace (Unicode White_Space as .NET char.IsWhiteSpace); a word not in vocab.txt is <unk>"
                : "byte-level BPE: the regex pre_tokenizer on the text, each piece's UTF-8 bytes spelt with GPT-2's byte-to-unicode table, then merges.txt by rank",
            PreTokenizer = checkpoint.Tokenizer.Kind == TokenizerKind.Bpe ? BpeSentenceTokenizer.PreTokenPattern().ToString() : null,
            MaxLength = checkpoint.Config.Data.MaxLength,
        },
        SpecialTokens = new
        {
            SpecialTokens.Pad,
            SpecialTokens.Bos,
            SpecialTokens.Eos,
            SpecialTokens.Unk,
            Texts = SpecialTokens.Texts,
        },
        Sequences = "encoder reads w1 … wn <eos>; decoder reads <bos> w1 … wn and predicts w1 … wn <eos>",
    };

    private static bool IsLowercasing(ISentenceTokenizer tokenizer) => tokenizer switch
    {
        WordTokenizer word => word.Lowercase,
        BpeSentenceTokenizer bpe => bpe.Lowercase,
        _ => throw new TextVaeException($"tokenizer kind '{EnumSpelling.Of(tokenizer.Kind)}' cannot be exported"),
    };

    /// <summary>An export goes to a new or empty folder, or replaces an earlier export: never over unrelated files.</summary>
    private static void PrepareDirectory(string directory)
    {
        if (File.Exists(directory))
            throw new TextVaeException($"export folder {directory} is a file");
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any() && !File.Exists(Path.Combine(directory, ConfigFile)))
            throw new TextVaeException($"export folder {directory} is not empty and holds no earlier export ({ConfigFile}); choose a new folder");
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var name in OwnFiles)
                File.Delete(Path.Combine(directory, name)); // an earlier export of a BPE model must not leave its vocab.json beside a word model's vocab.txt
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TextVaeException($"cannot create the export folder {directory}: {e.Message}", e);
        }
    }
}
