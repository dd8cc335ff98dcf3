using System.Reflection;
using System.Security.Cryptography;
using TextVae.Data;
using TextVae.Evaluation;
using TextVae.Model;
using TextVae.Runtime;
using TextVae.Tokenization;
using TextVae.Checkpoints;
using static TorchSharp.torch;

namespace TextVae.Compression;

/// <summary>
/// Lossless compression of any byte string with a trained sentence VAE. The text is cut at '\n' into lines and
/// each line's tokens into chunks of at most <see cref="CompressionOptions.ChunkTokens"/>; a chunk ends with
/// <c>&lt;eos&gt;</c> unless it is full, and a line ends with its first chunk that is not full. Chunks are coded
/// in batches onto one rANS stack: tokens under the decoder's next-token distribution given z, and z either by bits
/// back (Townsend et al. 2019: pop z under the discretised q(z|x), push x under p(x|z), push z under the prior, so
/// a chunk costs about its −ELBO) or fixed at the prior mean. The first chunks of a bits-back stream, coded before it
/// holds bits to take back, are coded with z at the prior mean too (the clean start).
/// </summary>
/// <remarks>
/// Determinism: the decoder must rebuild every frequency table bit for bit. Both directions run the same network
/// calls on tensors of the same shapes (a batch keeps all its rows until its longest chunk ends), on one libtorch
/// thread, since a reduction split over more threads may round differently, with every float input in memory that
/// libtorch allocated (see <see cref="DecodeTokens"/>); the distributions are then quantised in C# doubles. The
/// guarantee is therefore: the same TextVae build, checkpoint and CPU (with the same libtorch) decode what they
/// encoded, whatever thread count the process or the machine has. Another CPU model may use other SIMD kernels and
/// is not covered; the archive's checksum turns such a mismatch into an error, never into wrong output.
/// </remarks>
public sealed class TextCompressor : IDisposable
{
    private const int FirstWordSymbol = SpecialTokens.Count; // symbol 0 is <eos>; symbols 1… are tokens 4…

    private readonly Checkpoint _checkpoint;
    private readonly SentenceVae _model;
    private readonly Device _device;
    private readonly VerbatimTokenizer _tokenizer;
    private readonly int _latentSize;

    /// <exception cref="UnsupportedTokenizerException">The checkpoint's tokenizer cannot reproduce every byte string.</exception>
    public TextCompressor(Checkpoint checkpoint, byte[] checkpointSha256, Device device)
    {
        _tokenizer = new VerbatimTokenizer(checkpoint.Tokenizer);
        _checkpoint = checkpoint;
        CheckpointSha256 = checkpointSha256;
        _device = device;
        _latentSize = checkpoint.Config.Model.LatentSize;
        _model = checkpoint.CreateModel(device);
    }

    public static TextCompressor Load(string checkpointPath, Device device)
    {
        var checkpoint = Checkpoint.Load(checkpointPath);
        using var file = File.OpenRead(checkpointPath);
        return new TextCompressor(checkpoint, SHA256.HashData(file), device);
    }

    public byte[] CheckpointSha256 { get; }

    /// <summary>The library's release and commit, stored in every archive.</summary>
    public static string Version { get; } =
        typeof(TextCompressor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private int SymbolCount => _tokenizer.VocabularySize - FirstWordSymbol + 1;

    public CompressionResult Compress(ReadOnlySpan<byte> original, CompressionOptions options, IProgress<ScoringProgress>? progress = null)
    {
        options = Resolve(options);
        var layout = TextLayout.Of(original, _tokenizer, options.ChunkTokens);
        var stack = new RansStack();
        var tally = new CodeLengthTally();
        var buckets = options.Latent == LatentCoding.BitsBack ? new LatentBuckets(options.LatentBucketBits) : null;
        OnOneThread(() =>
        {
            var groups = Groups(layout.Chunks.Count, options.BatchSize);
            for (var g = 0; g < groups.Count; g++)
            {
                var chunks = layout.Chunks.Skip(groups[g].Start).Take(groups[g].Count).ToArray();
                CompressGroup(chunks, options, buckets, stack, tally);
                progress?.Report(new ScoringProgress(groups[g].Start + groups[g].Count, layout.Chunks.Count));
            }
        });
        var header = new ArchiveHeader(Version, CheckpointSha256, options, original.Length, layout.LineCount, layout.FinalNewline,
            layout.Chunks.Count, SHA256.HashData(original));
        var archive = CompressedArchive.Write(header, stack);
        return new CompressionResult(archive, new CompressionStatistics(
            original.Length, archive.Length, archive.Length - stack.ByteCount, layout.LineCount, layout.Chunks.Count,
            layout.Chunks.Sum(c => (long)c.Length), options.Latent, tally.TokenBits, tally.LatentBits, tally.BitsBack, tally.CleanChunks));
    }

    /// <exception cref="ArchiveException">The archive is damaged, or was made with another checkpoint or TextVae build.</exception>
    public byte[] Decompress(ReadOnlySpan<byte> archive, IProgress<ScoringProgress>? progress = null)
    {
        var (header, stack) = CompressedArchive.Read(archive);
        if (!header.CheckpointSha256.AsSpan().SequenceEqual(CheckpointSha256))
            throw new ArchiveException(
                $"the archive was made with another checkpoint (SHA-256 {Convert.ToHexStringLower(header.CheckpointSha256)[..16]}…, this one is {Convert.ToHexStringLower(CheckpointSha256)[..16]}…)");
        if (header.TextVaeVersion != Version)
            throw new ArchiveException($"the archive was made by TextVae {header.TextVaeVersion}; this is {Version}, which may compute other probabilities");
        var options = header.Options;
        if (options.ChunkTokens < 1 || header.ChunkCount > int.MaxValue)
            throw new ArchiveException("the archive is corrupt (its header holds impossible values)");
        var buckets = options.Latent == LatentCoding.BitsBack ? new LatentBuckets(options.LatentBucketBits) : null;
        var chunks = new int[header.ChunkCount][];
        try
        {
            OnOneThread(() =>
            {
                var groups = Groups((int)header.ChunkCount, options.BatchSize);
                for (var g = groups.Count - 1; g >= 0; g--)
                {
                    var decoded = DecompressGroup(groups[g].Count, options, buckets, stack);
                    decoded.CopyTo(chunks, groups[g].Start);
                    progress?.Report(new ScoringProgress((int)header.ChunkCount - groups[g].Start, (int)header.ChunkCount));
                }
            });
        }
        catch (RansUnderflowException)
        {
            throw new ArchiveException("the archive is corrupt (its stream ended early)");
        }
        if (!stack.IsEmpty)
            throw new ArchiveException("the archive is corrupt (bits are left over after decoding)");
        var text = TextLayout.Join(chunks, _tokenizer, options.ChunkTokens, header.LineCount, header.FinalNewline);
        if (text is null || text.Length != header.OriginalBytes || !SHA256.HashData(text).AsSpan().SequenceEqual(header.OriginalSha256))
            throw new ArchiveException("the decoded text does not match the archive's checksum (a different CPU or libtorch, or a damaged archive)");
        return text;
    }

    /// <summary>
    /// The model's own −ELBO (one posterior sample per chunk, analytic KL, in nats) on the chunks that
    /// <see cref="Compress"/> would code, for comparing the code length with the bound.
    /// </summary>
    public ElboSummary Elbo(ReadOnlySpan<byte> original, CompressionOptions options, int seed)
    {
        options = Resolve(options);
        var chunks = TextLayout.Of(original, _tokenizer, options.ChunkTokens).Chunks;
        if (chunks.Count == 0)
            throw new TextVaeException("there is no text to evaluate");
        var batcher = new BucketedBatcher(chunks, new DataOptions { BatchSize = options.BatchSize });
        var batches = Groups(chunks.Count, options.BatchSize).Select(g => batcher.MakeBatch([.. Enumerable.Range(g.Start, g.Count)]));
        return ElboEvaluator.Evaluate(_model, batches, _device, SeededRandom.NewGenerator((ulong)seed));
    }

    public void Dispose() => _model.Dispose();

    private CompressionOptions Resolve(CompressionOptions options)
    {
        options.Validate();
        if (SymbolCount > 1 << (options.PrecisionBits - 4))
            throw new TextVaeException($"precisionBits ({options.PrecisionBits}) is too low for a vocabulary of {_tokenizer.VocabularySize} tokens");
        var trainedLength = _checkpoint.Config.Data.MaxLength;
        if (_checkpoint.Config.Model.Decoder == CellKind.Transformer || _checkpoint.Config.Model.Encoder == CellKind.Transformer)
            trainedLength = Math.Min(trainedLength, _checkpoint.Config.Model.MaxPositions - 1);
        return options with { ChunkTokens = options.ChunkTokens > 0 ? options.ChunkTokens : trainedLength };
    }

    private void CompressGroup(int[][] chunks, CompressionOptions options, LatentBuckets? buckets, RansStack stack, CodeLengthTally tally)
    {
        var rows = chunks.Length;
        var z = new float[rows * _latentSize];
        var zBuckets = new int[rows * _latentSize];
        var popped = new bool[rows];
        if (buckets is not null)
        {
            var (mean, deviation) = Posterior(chunks);
            // Popping a dimension takes at most precisionBits off the stack; a row pops only if the stack surely holds that much.
            var wordsPerRow = (_latentSize * options.PrecisionBits + 31) / 32 + 1;
            for (var row = 0; row < rows; row++)
            {
                popped[row] = stack.Words.Count >= wordsPerRow;
                if (!popped[row])
                {
                    // The clean start: with no bits to take back, a z from q would cost its full prior code length,
                    // so the chunk is coded as in plain mode, with z at the prior mean, and no z is stored.
                    tally.CleanChunks++;
                    continue;
                }
                for (var d = 0; d < _latentSize; d++)
                {
                    var i = row * _latentSize + d;
                    var posterior = buckets.Posterior(mean[i], deviation[i], options.PrecisionBits);
                    zBuckets[i] = posterior.Pop(stack);
                    tally.BitsBack += posterior.Bits(zBuckets[i]);
                    z[i] = buckets.Centre(zBuckets[i]);
                }
            }
        }

        var codes = new List<(uint Start, uint Frequency)>();
        var position = new int[rows];
        DecodeTokens(z, rows, options, (row, table) =>
        {
            var symbol = SymbolOf(position[row] < chunks[row].Length ? chunks[row][position[row]++] : SpecialTokens.Eos);
            codes.Add((table.Start(symbol), table.Frequency(symbol)));
            tally.TokenBits += table.Bits(symbol);
            return symbol;
        });
        for (var i = codes.Count - 1; i >= 0; i--)
            stack.Push(codes[i].Start, codes[i].Frequency, options.PrecisionBits);

        if (buckets is null)
            return;
        var flag = CleanStartFlag(options);
        for (var row = 0; row < rows; row++)
        {
            if (popped[row])
            {
                for (var d = 0; d < _latentSize; d++)
                    stack.Push((uint)zBuckets[row * _latentSize + d], 1, buckets.BucketBits);
                tally.LatentBits += _latentSize * buckets.BucketBits;
            }
            var flagSymbol = popped[row] ? 0 : 1;
            flag.Push(stack, flagSymbol);
            tally.LatentBits += flag.Bits(flagSymbol);
        }
    }

    /// <summary><see cref="CompressGroup"/> backwards: every push becomes a pop and every pop a push, in reverse order.</summary>
    private int[][] DecompressGroup(int rows, CompressionOptions options, LatentBuckets? buckets, RansStack stack)
    {
        var z = new float[rows * _latentSize];
        var zBuckets = new int[rows * _latentSize];
        var popped = new bool[rows];
        if (buckets is not null)
        {
            var flag = CleanStartFlag(options);
            var mask = (uint)buckets.Count - 1;
            for (var row = rows - 1; row >= 0; row--)
            {
                popped[row] = flag.Pop(stack) == 0;
                if (!popped[row])
                    continue;
                for (var d = _latentSize - 1; d >= 0; d--)
                {
                    var i = row * _latentSize + d;
                    zBuckets[i] = (int)(stack.PeekSlot(buckets.BucketBits) & mask);
                    stack.Pop((uint)zBuckets[i], 1, buckets.BucketBits);
                    z[i] = buckets.Centre(zBuckets[i]);
                }
            }
        }

        var chunks = new List<int>[rows];
        for (var row = 0; row < rows; row++)
            chunks[row] = [];
        DecodeTokens(z, rows, options, (row, table) =>
        {
            var symbol = table.Pop(stack);
            if (symbol > 0)
                chunks[row].Add(TokenOf(symbol));
            return symbol;
        });
        var result = chunks.Select(c => c.ToArray()).ToArray();

        if (buckets is null || !popped.Any(p => p))
            return result;
        var (mean, deviation) = Posterior(result);
        for (var row = rows - 1; row >= 0; row--)
        {
            if (!popped[row])
                continue;
            for (var d = _latentSize - 1; d >= 0; d--)
            {
                var i = row * _latentSize + d;
                buckets.Posterior(mean[i], deviation[i], options.PrecisionBits).Push(stack, zBuckets[i]);
            }
        }
        return result;
    }

    /// <summary>Whether a row's z was popped (symbol 0, nearly free) or is the prior mean, unstored (symbol 1, rare).</summary>
    private static FrequencyTable CleanStartFlag(CompressionOptions options) =>
        FrequencyTable.FromMasses([1, 0], options.PrecisionBits);

    /// <summary>
    /// The decoder run shared by both directions: all rows step together from <c>&lt;bos&gt;</c>; at each step every
    /// unfinished row's next-token distribution is quantised and handed to <paramref name="code"/>, which returns the
    /// symbol (0 = <c>&lt;eos&gt;</c>). A row ends at <c>&lt;eos&gt;</c> or when its chunk is full; finished rows are
    /// fed padding so the batch keeps its shape.
    /// </summary>
    private void DecodeTokens(float[] z, int rows, CompressionOptions options, Func<int, FrequencyTable, int> code)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // tensor(float[]) computes on the pinned managed array itself: 8-byte aligned, at an address that differs
        // between calls and processes. libtorch's CPU matrix kernels round differently on a differently aligned operand
        // (for 3 rows, z at 8 bytes past a 16-byte boundary gives other logits), so z goes into memory libtorch
        // allocates itself, which is always 64-byte aligned.
        var latent = empty([rows, _latentSize], device: _device).copy_(tensor(z, [rows, _latentSize])); // [rows, latent]
        var state = _model.StartDecoding(latent);
        var previous = Enumerable.Repeat((long)SpecialTokens.Bos, rows).ToArray();
        var lengths = new int[rows];
        var finished = new bool[rows];
        var vocabulary = _tokenizer.VocabularySize;
        var masses = new double[SymbolCount];
        while (finished.Contains(false))
        {
            var (logits, next) = _model.DecodeStep(tensor(previous, device: _device), state); // [rows, vocabulary]
            var host = logits.to_type(ScalarType.Float32).cpu().data<float>().ToArray();
            state = next;
            for (var row = 0; row < rows; row++)
            {
                if (finished[row])
                {
                    previous[row] = SpecialTokens.Pad;
                    continue;
                }
                var table = TokenDistribution(host.AsSpan(row * vocabulary, vocabulary), masses, options.PrecisionBits);
                var symbol = code(row, table);
                var token = TokenOf(symbol);
                finished[row] = token == SpecialTokens.Eos || ++lengths[row] == options.ChunkTokens;
                previous[row] = token;
            }
        }
    }

    /// <summary>Softmax of the logits over <c>&lt;eos&gt;</c> and the real tokens (never padding, <c>&lt;bos&gt;</c> or <c>&lt;unk&gt;</c>), in doubles.</summary>
    private static FrequencyTable TokenDistribution(ReadOnlySpan<float> logits, double[] masses, int precisionBits)
    {
        var max = double.NegativeInfinity;
        for (var s = 0; s < masses.Length; s++)
            max = Math.Max(max, logits[TokenOf(s)]);
        for (var s = 0; s < masses.Length; s++)
            masses[s] = Math.Exp(logits[TokenOf(s)] - max);
        return FrequencyTable.FromMasses(masses, precisionBits);
    }

    private static int TokenOf(int symbol) => symbol == 0 ? SpecialTokens.Eos : symbol - 1 + FirstWordSymbol;

    private static int SymbolOf(int token) => token == SpecialTokens.Eos ? 0 : token - FirstWordSymbol + 1;

    /// <summary>q(z|x) of a batch of chunks: means and standard deviations, [rows · latent] row-major, as doubles.</summary>
    private (double[] Mean, double[] Deviation) Posterior(int[][] chunks)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var width = chunks.Max(c => c.Length) + 1;
        var ids = new long[chunks.Length * width];
        var lengths = new long[chunks.Length];
        for (var row = 0; row < chunks.Length; row++)
        {
            for (var i = 0; i < chunks[row].Length; i++)
                ids[row * width + i] = chunks[row][i];
            ids[row * width + chunks[row].Length] = SpecialTokens.Eos;
            lengths[row] = chunks[row].Length + 1;
        }
        var (mu, logVar) = _model.Encode(
            tensor(ids, [chunks.Length, width]).to(_device), // [rows, words + 1]: w1 … wn <eos> <pad>…
            tensor(lengths).to(_device)); // each [rows, latent]
        var mean = mu.to_type(ScalarType.Float32).cpu().data<float>().ToArray();
        var logVariance = logVar.to_type(ScalarType.Float32).cpu().data<float>().ToArray();
        return (Array.ConvertAll(mean, m => (double)m), Array.ConvertAll(logVariance, v => Math.Exp(0.5 * v)));
    }

    private static List<(int Start, int Count)> Groups(int chunks, int batchSize)
    {
        var groups = new List<(int, int)>();
        for (var start = 0; start < chunks; start += batchSize)
            groups.Add((start, Math.Min(batchSize, chunks - start)));
        return groups;
    }

    /// <summary>
    /// Runs the coder on one libtorch thread: thread counts change how reductions are split and rounded. The
    /// process's setting is restored afterwards.
    /// </summary>
    private static void OnOneThread(Action code)
    {
        var threads = get_num_threads();
        set_num_threads(1);
        try
        {
            code();
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private sealed class CodeLengthTally
    {
        public double TokenBits;
        public double LatentBits;
        public double BitsBack;
        public long CleanChunks;
    }
}
