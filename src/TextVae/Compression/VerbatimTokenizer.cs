using System.Buffers;
using System.Text;
using TextVae.Tokenization;

namespace TextVae.Compression;

/// <summary>
/// Byte strings to token ids and back with nothing lost, over a byte-level BPE vocabulary: valid UTF-8 runs are
/// tokenised verbatim (no NFC, no lower-casing) and every other byte becomes its own byte token. Each result is
/// checked by spelling it back; should the BPE library ever disagree, that run falls back to byte tokens, which
/// are always exact.
/// </summary>
public sealed class VerbatimTokenizer
{
    private readonly BpeSentenceTokenizer _bpe;
    private readonly byte[][] _tokenBytes;
    private readonly int[] _byteTokens = new int[256];

    public VerbatimTokenizer(ISentenceTokenizer tokenizer)
    {
        _bpe = tokenizer as BpeSentenceTokenizer ?? throw new UnsupportedTokenizerException(
            $"the model's {EnumSpelling.Of(tokenizer.Kind)} tokenizer cannot reproduce arbitrary bytes, so it cannot compress losslessly; " +
            $"use a model trained with a byte-level BPE vocabulary (tokenizer.kind = {EnumSpelling.Of(TokenizerKind.Bpe)}, e.g. vocab/brown-bpe-8k)");
        _tokenBytes = new byte[_bpe.VocabularySize][];
        Array.Fill(_byteTokens, -1);
        for (var id = 0; id < _tokenBytes.Length; id++)
        {
            _tokenBytes[id] = _bpe.TokenBytes(id);
            if (_tokenBytes[id].Length == 1 && _byteTokens[_tokenBytes[id][0]] < 0)
                _byteTokens[_tokenBytes[id][0]] = id;
        }
        var missing = Array.IndexOf(_byteTokens, -1);
        if (missing >= 0)
            throw new UnsupportedTokenizerException($"the model's BPE vocabulary has no token for byte 0x{missing:X2}, so it cannot reproduce every byte string");
    }

    public int VocabularySize => _tokenBytes.Length;

    public ReadOnlySpan<byte> Bytes(int id) => _tokenBytes[id];

    public List<int> Encode(ReadOnlySpan<byte> text)
    {
        var ids = new List<int>();
        var runStart = 0;
        var position = 0;
        while (position < text.Length)
        {
            if (Rune.DecodeFromUtf8(text[position..], out _, out var consumed) == OperationStatus.Done)
            {
                position += consumed;
                continue;
            }
            EncodeValidRun(text[runStart..position], ids);
            for (var i = 0; i < consumed; i++)
                ids.Add(_byteTokens[text[position + i]]);
            position += consumed;
            runStart = position;
        }
        EncodeValidRun(text[runStart..], ids);
        return ids;
    }

    public byte[] Decode(IEnumerable<int> ids)
    {
        var bytes = new List<byte>();
        foreach (var id in ids)
            bytes.AddRange(_tokenBytes[id]);
        return [.. bytes];
    }

    private void EncodeValidRun(ReadOnlySpan<byte> run, List<int> ids)
    {
        if (run.IsEmpty)
            return;
        var tokens = _bpe.EncodeVerbatim(Encoding.UTF8.GetString(run));
        if (Spells(tokens, run))
            ids.AddRange(tokens);
        else
        {
            foreach (var b in run)
                ids.Add(_byteTokens[b]);
        }
    }

    private bool Spells(IReadOnlyList<int> tokens, ReadOnlySpan<byte> expected)
    {
        var offset = 0;
        foreach (var id in tokens)
        {
            var bytes = _tokenBytes[id];
            if (id < SpecialTokens.Count || offset + bytes.Length > expected.Length || !expected.Slice(offset, bytes.Length).SequenceEqual(bytes))
                return false;
            offset += bytes.Length;
        }
        return offset == expected.Length;
    }
}
