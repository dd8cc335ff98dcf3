using TextVae.Corpora;

namespace TextVae.Generation;

/// <summary>
/// Opens the latent map of a corpus under a model: from the cache beside the checkpoint when it holds this pair,
/// otherwise by encoding the corpus (its distinct sentences, sampled down to <see cref="LatentMapOptions.MaxSentences"/>)
/// in batches and caching the result (beside the checkpoint unless a cache folder is given).
/// </summary>
public static class LatentMapBuilder
{
    // Sentences per batch. The NLL pass's logits are [tokens, vocabulary]: at 64 sentences tens of MB rather than
    // hundreds, which ran about a fifth faster than 256 on a quickstart model; progress also moves more often.
    private const int Chunk = 64;

    public static LatentMapOpening Open(
        TextGenerator generator,
        string corpus,
        LatentMapOptions options,
        IProgress<LatentMapProgress>? progress = null,
        CancellationToken cancel = default,
        string? cacheDirectory = null)
    {
        options.Validate();
        if (!File.Exists(corpus))
            throw new TextVaeException($"corpus file not found: {corpus}");
        var cachePath = LatentMapCache.PathFor(generator.CheckpointPath, corpus, options, cacheDirectory);
        if (LatentMapCache.TryRead(cachePath, corpus) is { } cached && cached.LatentSize == generator.LatentSize)
            return new LatentMapOpening(cached, FromCache: true, cachePath, CacheProblem: null);

        var lines = Sample(corpus, options);
        var sentences = new List<LatentMapSentence>(lines.Count);
        var means = new List<float>(lines.Count * generator.LatentSize);
        var done = 0;
        progress?.Report(new LatentMapProgress(done, lines.Count));
        foreach (var chunk in lines.Chunk(Chunk))
        {
            cancel.ThrowIfCancellationRequested();
            // A line that tokenizes to nothing (only characters the vocabulary drops) has no code to show.
            var kept = chunk.Where(line => generator.Tokenizer.Encode(line.Text).Count > 0).ToArray();
            var codes = generator.Encode(kept.Select(line => line.Text));
            var nll = generator.ReconstructionNll(codes);
            for (var i = 0; i < codes.Count; i++)
            {
                var tokens = codes[i].Input.Ids.Length;
                sentences.Add(new LatentMapSentence(kept[i].Text, kept[i].Number, tokens, nll[i] / (tokens + 1)));
                means.AddRange(codes[i].Mean);
            }
            done += chunk.Length;
            progress?.Report(new LatentMapProgress(done, lines.Count));
        }
        var map = new LatentMap(corpus, sentences, means.ToArray(), generator.LatentSize);
        try
        {
            LatentMapCache.Write(cachePath, map);
            return new LatentMapOpening(map, FromCache: false, cachePath, CacheProblem: null);
        }
        catch (TextVaeException e)
        {
            return new LatentMapOpening(map, FromCache: false, cachePath, e.Message);
        }
    }

    /// <summary>The corpus's distinct sentences in file order; a reproducible sample of them when there are more than the options allow.</summary>
    public static IReadOnlyList<CorpusLine> Sample(string corpus, LatentMapOptions options)
    {
        var lines = new CorpusReader(corpus).ReadLines().DistinctBy(line => line.Text, StringComparer.Ordinal).ToArray();
        if (lines.Length <= options.MaxSentences)
            return lines;
        // A partial Fisher–Yates shuffle picks the sample; sorting it back keeps the file's order.
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, lines.Length).ToArray();
        for (var i = 0; i < options.MaxSentences; i++)
        {
            var j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order[..options.MaxSentences].Order().Select(i => lines[i]).ToArray();
    }
}
