using System.Diagnostics;
using TextVae.Data;
using TextVae.Model;
using TextVae.Runtime;
using TextVae.Tokenization;
using TextVae.Training;
using TorchSharp;
using TextVae.Corpora;
using static TorchSharp.torch;

namespace TextVae.Benchmarking;

/// <summary>
/// Trains the plain Bowman et al. (2016) model — one-layer unidirectional encoder and decoder, z to the decoder's
/// initial state, logistic KL annealing, word dropout — built and updated as the trainer does it
/// (<see cref="TrainingModel"/>: by default Adam, learning rate 1e-3, clipping 5) on bucketed batches, and measures
/// speed and memory.
/// </summary>
public sealed class TrainingBenchmark : IDisposable
{
    private readonly TrainingBenchmarkOptions _options;
    private readonly Device _device;
    private readonly TrainingModel _trained;
    private readonly KlAnnealingSchedule _schedule = new(new KlScheduleOptions { Kind = KlScheduleKind.Logistic });
    private readonly BucketedBatcher _batches;
    private readonly Generator _wordDropoutRandom;

    public TrainingBenchmark(TrainingBenchmarkOptions options)
    {
        _options = options.Validate();
        _device = DeviceSelector.Resolve(options.Device);
        if (options.Threads > 0)
            set_num_threads(options.Threads);
        manual_seed(options.Seed);

        var (tokenizer, sentences) = LoadCorpus(options);
        _batches = new BucketedBatcher(sentences, new DataOptions { BatchSize = options.Batch, MaxLength = options.MaxLength, Seed = options.Seed });
        _wordDropoutRandom = SeededRandom.NewGenerator((ulong)options.Seed);
        var model = new ModelOptions
        {
            VocabularySize = tokenizer.VocabularySize,
            EmbeddingSize = options.Embedding,
            HiddenSize = options.Hidden,
            LatentSize = options.Latent,
            Encoder = options.Cell,
            Decoder = options.Cell,
            Bidirectional = false,
        };
        _trained = new TrainingModel(model, new ObjectiveOptions { WordDropout = options.WordDropout }, options.ToTrainingOptions(), _device, _wordDropoutRandom);
        _trained.Model.train();
    }

    public TrainingBenchmarkResult Run()
    {
        var batches = Batches().GetEnumerator();
        Train(batches, _options.Warmup, onStep: null);
        var profile = _options.Profile ? new StepProfile(_device) : null;
        _trained.Step.Profile = profile;
        var clock = Stopwatch.StartNew();
        var (tokens, lastLoss) = Train(batches, _options.Steps, onStep: null);
        var seconds = clock.Elapsed.TotalSeconds;
        _trained.Step.Profile = null;
        return new TrainingBenchmarkResult(tokens / seconds, 1000 * seconds / _options.Steps, ProcessMemory.PeakResidentMiB(),
            get_num_threads(), DeviceSelector.Describe(_device), _options.Steps, _batches.Plan(0).PaddingFraction, lastLoss,
            EnumSpelling.Of(_trained.ProjectionPrecision),
            profile?.MillisecondsPerStep(_options.Steps).ToDictionary(phase => EnumSpelling.Of(phase.Key), phase => phase.Value));
    }

    public SoakResult Soak()
    {
        var batches = Batches().GetEnumerator();
        Train(batches, _options.Warmup, onStep: null);
        var samples = new List<MemorySample> { new(0, ProcessMemory.ResidentMiB()) };
        var clock = Stopwatch.StartNew();
        var (tokens, _) = Train(batches, _options.Steps, onStep: step =>
        {
            if (step % _options.SampleEvery == 0)
                samples.Add(new MemorySample(step, ProcessMemory.ResidentMiB()));
        });
        var growth = 100 * (samples[^1].ResidentMiB - samples[0].ResidentMiB) / samples[0].ResidentMiB;
        return new SoakResult(samples, growth, ProcessMemory.PeakResidentMiB(), tokens / clock.Elapsed.TotalSeconds);
    }

    private (long Tokens, double LastLoss) Train(IEnumerator<SentenceBatch> batches, int steps, Action<int>? onStep)
    {
        long tokens = 0;
        double lastLoss = double.NaN;
        for (var step = 1; step <= steps; step++)
        {
            using var scope = NewDisposeScope();
            _trained.Step.Profile?.Start();
            batches.MoveNext();
            using var cpuBatch = batches.Current;
            var batch = cpuBatch.To(_device);
            _trained.Step.Profile?.Finish(StepPhase.Batch);
            lastLoss = _trained.Step.Run(batch, step, _schedule.Weight(step)).Loss;
            tokens += batch.TargetTokenCount;
            onStep?.Invoke(step);
        }
        return (tokens, lastLoss);
    }

    /// <summary>Epoch after epoch of bucketed batches, for as many steps as asked.</summary>
    private IEnumerable<SentenceBatch> Batches()
    {
        for (var epoch = 0; ; epoch++)
            foreach (var batch in _batches.Batches(_batches.Plan(epoch)))
                yield return batch;
    }

    private static (ISentenceTokenizer Tokenizer, IReadOnlyList<int[]> Sentences) LoadCorpus(TrainingBenchmarkOptions options)
    {
        if (!File.Exists(options.Corpus))
            throw new InvalidParameterException("corpus", $"{options.Corpus} does not exist");
        // The vocabulary is learnt from the same first sentences that are trained on, as a benchmark script would.
        var head = Path.Combine(Path.GetTempPath(), $"textvae-bench-{Environment.ProcessId}.txt");
        try
        {
            File.WriteAllLines(head, new CorpusReader(options.Corpus).ReadLines().Take(options.Sentences).Select(line => line.Text));
            var (tokenizer, _) = VocabularyBuilder.Build(head, new VocabularyOptions(TokenizerKind.Word, options.Vocabulary, MinCount: 1));
            var corpus = EncodedCorpus.Load(head, tokenizer, new DataOptions { MaxLength = options.MaxLength });
            return (tokenizer, corpus.Sentences);
        }
        finally
        {
            File.Delete(head);
        }
    }

    public void Dispose()
    {
        _trained.Dispose();
        _wordDropoutRandom.Dispose();
    }
}
