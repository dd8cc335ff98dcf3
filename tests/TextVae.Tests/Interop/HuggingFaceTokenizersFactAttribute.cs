namespace TextVae.Tests.Interop;

/// <summary>A test that needs Node and npm's @huggingface/tokenizers installed beside bench/hf-tokenizer/encode.mjs; skipped otherwise.</summary>
public sealed class HuggingFaceTokenizersFactAttribute : FactAttribute
{
    public const string Node = "/usr/bin/node";
    public static string Script => RepositoryFiles.Get("bench/hf-tokenizer/encode.mjs");

    public HuggingFaceTokenizersFactAttribute()
    {
        if (!File.Exists(Node) || !Directory.Exists(RepositoryFiles.Get("bench/hf-tokenizer/node_modules/@huggingface/tokenizers")))
            Skip = "needs Node and: npm install --prefix bench/hf-tokenizer --no-save @huggingface/tokenizers@0.2.0";
    }
}
