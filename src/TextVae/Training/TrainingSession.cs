using Microsoft.Extensions.Logging;
using TextVae.Configuration;
using TextVae.Data;
using TextVae.Runtime;
using TextVae.Tokenization;
using TextVae.Checkpoints;

namespace TextVae.Training;

/// <summary>
/// Turns a <see cref="TrainingRequest"/> into a ready <see cref="Trainer"/>: resolves the configuration (or the
/// checkpoint's, when resuming), the run folder, the tokenizer and the encoded corpora. All user errors surface
/// in <see cref="Prepare"/>, before any long work starts.
/// </summary>
public sealed class TrainingSession : IDisposable
{
    private readonly ILogger _logger;

    public Trainer Trainer { get; }
    public RunFolder Folder { get; }
    public TrainConfig Config { get; }
    public TrainingOutcome Outcome { get; private set; }
    public Exception? Error { get; private set; }

    private readonly TensorBoardLog _tensorBoard;
    private readonly RunFolderLock _lock;

    private TrainingSession(Trainer trainer, RunFolder run, TrainConfig config, ILogger logger, TensorBoardLog tensorBoard, RunFolderLock @lock)
    {
        _tensorBoard = tensorBoard;
        _lock = @lock;
        Trainer = trainer;
        Folder = run;
        Config = config;
        _logger = logger;
    }

    public static TrainingSession Prepare(TrainingRequest request, ILoggerFactory logging)
    {
        var logger = logging.CreateLogger("train");
        var run = new RunFolder(request.RunFolder ?? DefaultRunFolder(request));
        var device = DeviceSelector.Resolve(request.Device);

        RunFolderLock @lock;
        TrainConfig? loaded = null;
        if (request.Resume)
        {
            if (!File.Exists(run.Last))
                throw new InvalidParameterException("resume", $": {run.Last} does not exist; start the run without resuming");
            @lock = RunFolderLock.Acquire(run.Root);
        }
        else
        {
            if (request.ConfigPath is null)
                throw new InvalidParameterException("config", "is required unless an earlier run is resumed");
            loaded = TrainConfig.Load(request.ConfigPath, request.Overrides);
            // Locked before anything in the folder is read or written, so a second run cannot slip in between.
            @lock = RunFolderLock.Acquire(run.Create().Root); // an output folder that cannot be made fails now, not after the vocabulary and corpora are read
        }
        try
        {
            Checkpoint? resumeFrom = null;
            TrainConfig config;
            ISentenceTokenizer tokenizer;
            if (request.Resume)
            {
                resumeFrom = Checkpoint.Load(run.Last);
                config = resumeFrom.Config with { Training = resumeFrom.Config.Training.WithResumeOverrides(request.Overrides) };
                tokenizer = resumeFrom.Tokenizer;
                if (request.ConfigPath is not null)
                    logger.LogInformation("Resuming with the configuration stored in {Path}; the configuration file given is not applied", run.Last);
                if (request.Overrides.Count > 0)
                    logger.LogInformation("Resuming with {Overrides} over the stored configuration", string.Join(", ", request.Overrides));
            }
            else
            {
                if (File.Exists(run.Last))
                    throw new InvalidParameterException("runFolder", $": {run.Root} already holds a checkpoint; resume that run or choose another folder");
                config = loaded! with
                {
                    Data = loaded.Data with
                    {
                        Train = request.TrainCorpus ?? loaded.Data.Train,
                        Valid = request.ValidCorpus ?? loaded.Data.Valid,
                    },
                };
                tokenizer = CreateTokenizer(config, logger);
                config = config with { Model = config.Model with { VocabularySize = tokenizer.VocabularySize } };
                config.Validate();
            }

            var train = ReadCorpus(config.Data.Train, "data.train", config.Data, tokenizer, logger);
            var valid = ReadCorpus(config.Data.Valid, "data.valid", config.Data, tokenizer, logger);
            foreach (var stale in CheckpointFile.RemoveStaleTemporaryFiles(run.Root))
                logger.LogInformation("Removed {Path}, left by an interrupted save", stale);
            var trainer = new Trainer(config, tokenizer, train, valid, run, device, logger, resumeFrom, config.Data.Train);
            TensorBoardLog tensorBoard;
            try
            {
                tensorBoard = TensorBoardLog.Attach(trainer, run.Root);
            }
            catch (TextVaeException)
            {
                trainer.Dispose();
                throw;
            }
            return new TrainingSession(trainer, run, config, logger, tensorBoard, @lock);
        }
        catch
        {
            @lock.Dispose();
            throw;
        }
    }

    /// <summary>Trains until done or cancelled; never throws, so a host can always shut down cleanly.</summary>
    public void Run(CancellationToken cancel)
    {
        try
        {
            var state = Trainer.Run(cancel);
            Outcome = state.Finished ? TrainingOutcome.Finished : TrainingOutcome.Interrupted;
        }
        catch (Exception e)
        {
            Error = e;
            Outcome = TrainingOutcome.Failed;
            _logger.LogDebug(e, "Training failed");
        }
    }

    private static IReadOnlyList<int[]> ReadCorpus(string? path, string field, DataOptions options, ISentenceTokenizer tokenizer, ILogger logger)
    {
        ConfigCheck.NotEmpty(path, field);
        var corpus = EncodedCorpus.Load(path!, tokenizer, options);
        logger.LogInformation("{Field} {Path}: {Report}", field, path, corpus.Report.Describe());
        return corpus.Sentences;
    }

    /// <summary>The saved tokenizer named by <c>tokenizer.path</c>, or one learnt from the training corpus.</summary>
    private static ISentenceTokenizer CreateTokenizer(TrainConfig config, ILogger logger)
    {
        if (config.Tokenizer.Path is { } path)
            return TokenizerFiles.Load(path);
        ConfigCheck.NotEmpty(config.Data.Train, "data.train");
        var options = config.Tokenizer;
        var (tokenizer, report) = VocabularyBuilder.Build(config.Data.Train!,
            new VocabularyOptions(options.Kind, options.Size, options.MinCount, options.Lowercase, config.Data.Strict));
        logger.LogInformation("Built a {Kind} vocabulary of {Size:N0} tokens from {Corpus}: coverage {Coverage:P2}",
            EnumSpelling.Of(report.Kind), report.VocabularySize, config.Data.Train, report.Coverage);
        return tokenizer;
    }

    private static string DefaultRunFolder(TrainingRequest request) =>
        Path.Combine("runs", request.ConfigPath is null ? "default" : Path.GetFileNameWithoutExtension(request.ConfigPath));

    public void Dispose()
    {
        Trainer.Dispose();
        _tensorBoard.Dispose();
        _lock.Dispose();
    }
}
