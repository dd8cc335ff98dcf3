using System.Text.Json;
using System.Text.Json.Serialization;

namespace TextVae.Tokenization;

/// <summary>The <c>tokenizer.json</c> stored beside the vocabulary files: which tokenizer to rebuild and how it normalises.</summary>
public sealed record TokenizerManifest([property: JsonRequired] TokenizerKind Kind, bool Lowercase, int VocabularySize, int Version = TokenizerManifest.CurrentVersion)
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static TokenizerManifest Parse(byte[] json, string source)
    {
        TokenizerManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<TokenizerManifest>(json, Json);
        }
        catch (JsonException e) when (e.Path == "$.kind")
        {
            var kind = JsonDocument.Parse(json).RootElement.GetProperty("kind");
            throw new TextVaeException($"{source}: unknown tokenizer kind {kind.GetRawText()} (expected {string.Join(" or ", EnumSpelling.Names<TokenizerKind>())})", e);
        }
        catch (JsonException e)
        {
            throw new TextVaeException($"{source}: {TokenizerFiles.ManifestFile} is not a valid manifest: {e.Message}", e);
        }
        if (manifest is null)
            throw new TextVaeException($"{source}: {TokenizerFiles.ManifestFile} names no tokenizer kind");
        if (manifest.Version != CurrentVersion)
            throw new TextVaeException($"{source}: tokenizer format version {manifest.Version} is not supported (this build reads {CurrentVersion})");
        return manifest;
    }

    /// <summary>Fails when the vocabulary files and the manifest disagree, e.g. a vocabulary file replaced by hand.</summary>
    public void CheckVocabularySize(int actual, string source)
    {
        if (actual != VocabularySize)
            throw new TextVaeException($"{source}: the manifest says {VocabularySize} tokens but the vocabulary has {actual}");
    }
}
