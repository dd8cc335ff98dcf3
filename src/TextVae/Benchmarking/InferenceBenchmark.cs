using System.Diagnostics;
using TextVae.Data;
using TextVae.Evaluation;
using TextVae.Generation;
using TextVae.Runtime;
using static TorchSharp.torch;

namespace TextVae.Benchmarking;

/// <summary>
/// Throughput of the corpus-scale commands, timed on the code they run: <see cref="TextGenerator.Encode(CorpusBlocks, int, CancellationToken)"/>
/// for <c>textvae encode</c> and <see cref="ModelEvaluator.Score"/> for <c>textvae score</c>. One streamed pass over
/// the file is timed, reading and tokenizing included and writing the rows out excluded; only counts are kept, so
/// memory holds one block of the file as the commands do.
/// </summary>
public static class InferenceBenchmark
{
    public static InferenceBenchmarkResult Encode(TextGenerator generator, CorpusBlocks blocks, InferenceBenchmarkOptions options)
    {
        var batchSize = options.BatchSize ?? TextGenerator.DefaultEncodeBatch;
        var rows = generator.Encode(Prepare(blocks, options), batchSize);
        return Time("encode", rows.Select(row => row.Tokens + 1), batchSize, generator.Device, samples: null); // + <eos>
    }

    public static InferenceBenchmarkResult Score(ModelEvaluator evaluator, CorpusBlocks blocks, EvaluationOptions scoring, InferenceBenchmarkOptions options)
    {
        var batchSize = options.BatchSize ?? evaluator.Batching.BatchSize;
        var scores = evaluator.Score(Prepare(blocks, options), scoring, batchSize: batchSize);
        return Time("score", scores.Select(score => score.Tokens), batchSize, evaluator.Device, evaluator.ImportanceSamples(scoring));
    }

    private static CorpusBlocks Prepare(CorpusBlocks blocks, InferenceBenchmarkOptions options)
    {
        options.Validate();
        if (options.Threads > 0)
            set_num_threads(options.Threads);
        blocks.SentenceLimit = options.Sentences;
        return blocks;
    }

    /// <param name="targetTokens">Each sentence's target tokens, as the command yields its rows.</param>
    private static InferenceBenchmarkResult Time(string command, IEnumerable<int> targetTokens, int batchSize, Device device, int? samples)
    {
        long sentences = 0, tokens = 0;
        var clock = Stopwatch.StartNew();
        foreach (var count in targetTokens)
        {
            sentences++;
            tokens += count;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return new InferenceBenchmarkResult(command, sentences, tokens, seconds, sentences / seconds, tokens / seconds,
            samples, samples * tokens / seconds, batchSize, get_num_threads(), DeviceSelector.Describe(device), ProcessMemory.PeakResidentMiB());
    }
}
