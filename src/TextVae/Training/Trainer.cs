using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TextVae.Configuration;
using TextVae.Data;
using TextVae.Model;
using TextVae.Tokenization;
using TextVae.Evaluation;
using TextVae.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using TextVae.Checkpoints;
using TextVae.Decoding;
using static TorchSharp.torch;

namespace TextVae.Training;

/// <summary>
/// Trains a <see cref="SentenceVae"/>: seeded batches, KL annealing by step, gradient clipping, validation each
/// epoch with early stopping and plateau decay, <c>last</c>/<c>best</c> checkpoints and metrics; and the
/// training-procedure remedies against posterior collapse: autoencoder pretraining with an optional decoder reset
/// (Li et al. 2019) and aggressive inference-network training (He et al. 2019).
/// Cancellation (Ctrl+C) saves <c>last</c> before returning, so no work since the previous save is lost.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly TrainConfig _config;
    private readonly ISentenceTokenizer _tokenizer;
    private readonly RunFolder _run;
    private readonly Device _device;
    private readonly ILogger _logger;
    private readonly TrainingModel _trained;
    private readonly SentenceVae _model;
    private readonly OptimizerHelper? _encoderOptimizer;
    private readonly AggressiveEncoderUpdates? _aggressive;
    private readonly Parameter[] _encoderParameters;
    private readonly KlAnnealingSchedule _schedule;
    private readonly BucketedBatcher _trainBatches;
    private readonly BucketedBatcher _validBatches;
    private readonly IReadOnlyList<int[]> _validSentences;
    private readonly int _trainSentenceCount;
    private readonly Generator _wordDropoutRandom;
    private readonly MetricsLog _metrics;
    private readonly string? _trainCorpus;
    private TrainingState _state;
    private readonly ProgressWindow _window = new();
    private long? _lastSavedStep;

    /// <summary>The update applied to each batch; its <see cref="OptimizationStep.LossInterceptor"/> is the hook for fault-injection tests.</summary>
    public OptimizationStep Step => _trained.Step;

    public Trainer(TrainConfig config, ISentenceTokenizer tokenizer, IReadOnlyList<int[]> train, IReadOnlyList<int[]> valid,
        RunFolder run, Device device, ILogger logger, Checkpoint? resumeFrom = null, string? trainCorpus = null)
    {
        config.Validate(); // a configuration built in code has not met the binder, and an unknown choice must not train as a default
        _config = config;
        _tokenizer = tokenizer;
        _run = run;
        _device = device;
        _logger = logger;
        _trainCorpus = trainCorpus;
        _metrics = new MetricsLog(run.Metrics);
        var training = config.Training;

        if (training.Threads > 0)
            set_num_threads(training.Threads);
        manual_seed(training.Seed);
        _wordDropoutRandom = SeededRandom.NewGenerator((ulong)training.Seed + 1);

        _trained = new TrainingModel(config.Model, config.Objective, training, device, _wordDropoutRandom);
        _model = _trained.Model;
        _encoderParameters = _model.EncoderParameters().ToArray();
        if (config.Objective.Aggressive && _encoderParameters.Length > 0)
        {
            // Its moments are not checkpointed: a resumed aggressive phase starts them afresh.
            _encoderOptimizer = _trained.CreateOptimizer(_encoderParameters, training.LearningRate);
            _aggressive = new AggressiveEncoderUpdates(
                new OptimizationStep(_model, _encoderOptimizer, config.Objective, training.GradientClip, _wordDropoutRandom),
                config.Objective.AggressiveMaxInnerSteps, config.Objective.AggressiveCheckEvery);
        }
        _trainBatches = new BucketedBatcher(train, config.Data);
        _schedule = new KlAnnealingSchedule(config.Objective.KlSchedule, config.Objective.AutoencoderSteps);
        // MI compares every validation posterior with every other (O(N²)): a large validation set is capped to its first sentences.
        var validSubset = training.ValidationSentences > 0 && valid.Count > training.ValidationSentences ? valid.Take(training.ValidationSentences).ToArray() : valid;
        _validBatches = new BucketedBatcher(validSubset, config.Data);
        _validSentences = valid;
        _trainSentenceCount = train.Count;
        _state = new TrainingState { LearningRate = training.LearningRate };

        if (resumeFrom is not null)
            Restore(resumeFrom);
        else
            _metrics.TruncateAfter(0); // records of a run killed before its first checkpoint; this run starts over
    }

    /// <summary>
    /// Raised after each validation, once its record is in <c>metrics.jsonl</c>. Observers at the edge (the curve
    /// plot, TensorBoard) subscribe here, so the training loop itself never draws. Observers run on the training
    /// thread and must leave the model and the global random generator alone, so a run trains the same with them.
    /// </summary>
    public event Action<ValidationReport>? Validated;

    /// <summary>Raised at each training log point, once its record is in <c>metrics.jsonl</c>.</summary>
    public event Action<MetricsRecord>? Logged;

    public SentenceVae Model => _model;

    private bool AggressivePhase => _aggressive is not null && !_state.AggressiveEnded;
    public TrainingState State => _state;

    /// <summary>Runs until the epochs, the step limit or early stopping end it, or <paramref name="cancel"/> fires.</summary>
    public TrainingState Run(CancellationToken cancel)
    {
        var training = _config.Training;
        if (_state.Finished)
        {
            if (LimitReached(training) is not null)
            {
                _logger.LogInformation("Training already finished ({Reason}); nothing to resume", _state.StopReason);
                return _state;
            }
            _logger.LogInformation("Training had finished ({Reason}); the limits given now let it go on", _state.StopReason);
            _state = _state with { Finished = false, StopReason = null };
        }
        var stepsPerEpoch = _trainBatches.Plan(0).Batches.Count;
        var totalSteps = training.MaxSteps > 0 ? Math.Min(training.MaxSteps, (long)stepsPerEpoch * training.Epochs) : (long)stepsPerEpoch * training.Epochs;
        _logger.LogInformation("Training {Parameters:N0} parameters on {Device}: {Sentences:N0} sentences, {Batches} batches an epoch, up to {Steps:N0} steps, output projection in {Precision}",
            _model.parameters().Sum(p => p.numel()), DeviceSelector.Describe(_device), _trainSentenceCount, stepsPerEpoch, totalSteps,
            EnumSpelling.Of(_trained.ProjectionPrecision));

        var badSteps = 0;
        var objective = _config.Objective;
        for (var epoch = _state.Epoch; epoch < training.Epochs; epoch++)
        {
            _model.train();
            var plan = _trainBatches.Plan(epoch);
            if (_state.BatchInEpoch == 0)
                _logger.LogInformation("Epoch {Epoch}: {Batches} batches, padding {Padding:P1} of target positions{Phase}", epoch + 1, plan.Batches.Count, plan.PaddingFraction,
                    _schedule.IsPretraining(_state.Step) ? "; autoencoder pretraining (KL weight 0)" : AggressivePhase ? "; aggressive inference-network training" : "");
            long encoderUpdates = 0;
            for (var index = _state.BatchInEpoch; index < plan.Batches.Count; index++)
            {
                using var scope = NewDisposeScope();
                if (cancel.IsCancellationRequested)
                    return Interrupt();

                if (objective.ResetDecoder && !_schedule.IsPretraining(_state.Step) && !_state.DecoderReset)
                    ResetDecoder();
                var klWeight = _schedule.Weight(_state.Step);
                ReseedDeviceRandom(_state.Step);
                var batch = _trainBatches.MakeBatch(plan.Batches[index]).To(_device);
                var aggressive = AggressivePhase;
                if (aggressive)
                    encoderUpdates += _aggressive!.Run(RandomBatches(batch, plan, _state.Step), _state.Step, klWeight);
                var result = Step.Run(batch, _state.Step, klWeight, aggressive ? _encoderParameters : null);
                _state = _state with { Step = _state.Step + 1, Epoch = epoch, BatchInEpoch = index + 1 };
                if (result.Fault is { } fault)
                {
                    badSteps++;
                    _logger.LogWarning("Step {Step}: the {Fault} is not finite; the update was skipped ({Bad} in a row)", _state.Step, EnumSpelling.Of(fault), badSteps);
                    if (badSteps >= training.MaxBadSteps)
                        throw Diverged(badSteps, fault);
                    continue;
                }
                badSteps = 0;
                _window.Add(batch.Size, batch.TargetTokenCount, result.Loss, result.Reconstruction, result.Kl);

                if (_state.Step % training.LogEvery == 0)
                    LogStep(_window.Lap(), klWeight, totalSteps);
                if (training.CheckpointEvery > 0 && _state.Step % training.CheckpointEvery == 0)
                    Save(_run.Last);
                if (training.MaxSteps > 0 && _state.Step >= training.MaxSteps)
                {
                    Validate(epoch);
                    return Stop($"reached training.maxSteps = {training.MaxSteps}");
                }
            }
            if (encoderUpdates > 0)
                _logger.LogInformation("Aggressive phase: {Updates:N0} encoder-only updates this epoch, {PerStep:F1} per decoder update", encoderUpdates, (double)encoderUpdates / plan.Batches.Count);
            _state = _state with { Epoch = epoch + 1, BatchInEpoch = 0 };
            if (Validate(epoch) is { } stop)
                return Stop(stop);
            Save(_run.Last);
        }
        return Stop($"completed {training.Epochs} epochs");
    }

    /// <summary>The current batch, then random batches of this epoch drawn by a generator seeded with the step, so a resumed run draws the same ones.</summary>
    private Func<SentenceBatch> RandomBatches(SentenceBatch current, EpochPlan plan, long step)
    {
        // HashCode.Combine is seeded per process, so it would draw other batches after a resume.
        var random = new Random(unchecked((int)(_config.Training.Seed * 1_000_003L + step)));
        var first = true;
        return () =>
        {
            if (!first)
                return _trainBatches.MakeBatch(plan.Batches[random.Next(plan.Batches.Count)]).To(_device);
            first = false;
            return current;
        };
    }

    /// <summary>Li et al. (2019): a fresh decoder and a fresh optimiser once autoencoder pretraining ends; the encoder is kept.</summary>
    private void ResetDecoder()
    {
        _model.ResetDecoder();
        _trained.RestartOptimizer(_state.LearningRate);
        _state = _state with { DecoderReset = true };
        _logger.LogInformation("Autoencoder pretraining done at step {Step}: decoder and optimiser re-initialised", _state.Step);
    }

    private TrainingState Interrupt()
    {
        Save(_run.Last);
        _logger.LogInformation("Interrupted at step {Step}; saved {Path}. Resume the run to continue", _state.Step, _run.Last);
        return _state;
    }

    /// <summary>
    /// Training cannot recover by itself, and nothing is saved: weights were never updated from a bad step, and
    /// <c>last</c> stays the state of the last save, so the run can be resumed or restarted with other settings.
    /// </summary>
    private TextVaeException Diverged(int badSteps, StepFault fault)
    {
        var kept = _lastSavedStep is { } step
            ? $"the last good checkpoint {_run.Last} (step {step}) is kept"
            : "no checkpoint had been saved yet";
        return new TextVaeException($"training diverged: {badSteps} consecutive steps up to step {_state.Step} had a non-finite {EnumSpelling.Of(fault)} (NaN or infinity), "
            + $"so training stopped; {kept}. Lower training.learningRate or training.gradientClip, or check the data");
    }

    /// <summary>Which of the run's limits the state has reached, or null while it may go on.</summary>
    private string? LimitReached(TrainingOptions training)
    {
        if (training.MaxSteps > 0 && _state.Step >= training.MaxSteps)
            return "training.maxSteps";
        if (_state.Epoch >= training.Epochs)
            return "training.epochs";
        if (training.EarlyStoppingPatience > 0 && _state.EpochsWithoutImprovement >= training.EarlyStoppingPatience)
            return "training.earlyStoppingPatience";
        return null;
    }

    private TrainingState Stop(string reason)
    {
        _state = _state with { Finished = true, StopReason = reason };
        Save(_run.Last);
        _logger.LogInformation("Training stopped: {Reason}", reason);
        return _state;
    }

    /// <summary>Validates after an epoch; returns why training should stop, or null to go on.</summary>
    private string? Validate(int epoch)
    {
        // Its own generator, so that validating (and how often) never changes the draws training makes.
        using var generator = SeededRandom.NewGenerator((ulong)_config.Training.Seed + 3);
        var result = ElboEvaluator.Evaluate(_model, _validBatches.Batches(_validBatches.Plan(0)), _device, generator);
        var record = ValidationRecord(result, epoch);
        _metrics.Append(record);
        LogValidation(result, epoch);
        var reconstructions = ShowReconstructions();
        if (Validated is { } validated)
            validated(new ValidationReport(record, reconstructions, PriorSamples(_config.Training.ShowReconstructions)));
        if (AggressivePhase)
            EndAggressivePhaseUnlessMutualInformationImproved(epoch, result.MutualInformation);
        if (_schedule.IsPretraining(_state.Step - 1))
        {
            _logger.LogInformation("Autoencoder pretraining: this validation neither becomes best nor counts for early stopping");
            return null;
        }
        return KeepIfBest(result) ? null : AfterNoImprovement();
    }

    private MetricsRecord ValidationRecord(ElboSummary result, int epoch) => new()
    {
        Kind = MetricsRecordKind.Valid,
        Step = _state.Step,
        Epoch = epoch + 1,
        Loss = -result.Elbo,
        Reconstruction = result.Reconstruction,
        Kl = result.Kl,
        KlWeight = _schedule.Weight(_state.Step),
        LearningRate = _state.LearningRate,
        Elbo = result.Elbo,
        Perplexity = result.Perplexity,
        ActiveUnits = result.ActiveUnits,
        MutualInformation = result.MutualInformation,
    };

    private void LogValidation(ElboSummary result, int epoch) =>
        _logger.LogInformation("Epoch {Epoch} validation ({Sentences:N0} sentences): ELBO {Elbo:F2}  rec {Rec:F2}  KL {Kl:F2}  PPL(ELBO) {Ppl:F1}  MI {Mi:F2}  active units {Au}/{Latent}",
            epoch + 1, result.Sentences, result.Elbo, result.Reconstruction, result.Kl, result.Perplexity, result.MutualInformation, result.ActiveUnits, _config.Model.LatentSize);

    private ReconstructionExample[] ShowReconstructions()
    {
        var examples = _validSentences.Take(_config.Training.ShowReconstructions)
            .Select(sentence => new ReconstructionExample(_tokenizer.Decode(sentence), _tokenizer.Decode(MeanReconstruction.Of(_model, sentence, _device, _config.Data.MaxLength + 1))))
            .ToArray();
        foreach (var example in examples)
            _logger.LogInformation("  {Input}\n    -> {Output}", example.Input, example.Output);
        return examples;
    }

    /// <summary>
    /// What validation maximises: the ELBO, or for a plain autoencoder (<see cref="ObjectiveOptions.DeterministicLatent"/>),
    /// whose KL nothing holds down, the reconstruction log-likelihood it trains for.
    /// </summary>
    private string ValidationObjective => _config.Objective.DeterministicLatent ? "reconstruction" : "ELBO";

    private double ValidationScore(ElboSummary result) => _config.Objective.DeterministicLatent ? -result.Reconstruction : result.Elbo;

    /// <summary>Saves <c>best</c> when the <see cref="ValidationObjective"/> improved; returns whether it did.</summary>
    private bool KeepIfBest(ElboSummary result)
    {
        var score = ValidationScore(result);
        if (!(score > _state.BestValidElbo))
            return false;
        _state = _state with { BestValidElbo = score, EpochsWithoutImprovement = 0, EpochsSinceLearningRateChange = 0 };
        Save(_run.Best);
        return true;
    }

    /// <summary>Counts an epoch without improvement: decays the learning rate on a plateau, or says why to stop early.</summary>
    private string? AfterNoImprovement()
    {
        _state = _state with
        {
            EpochsWithoutImprovement = _state.EpochsWithoutImprovement + 1,
            EpochsSinceLearningRateChange = _state.EpochsSinceLearningRateChange + 1,
        };
        var training = _config.Training;
        if (training.LearningRateSchedule == LearningRateScheduleKind.Plateau && _state.EpochsSinceLearningRateChange > training.PlateauPatience)
            DecayLearningRate();
        if (training.EarlyStoppingPatience > 0 && _state.EpochsWithoutImprovement >= training.EarlyStoppingPatience)
            return $"validation {ValidationObjective} did not improve for {_state.EpochsWithoutImprovement} epochs (early stopping)";
        return null;
    }

    private void EndAggressivePhaseUnlessMutualInformationImproved(int epoch, double mutualInformation)
    {
        if (mutualInformation > _state.AggressiveMutualInformation)
        {
            _state = _state with { AggressiveMutualInformation = mutualInformation };
            return;
        }
        _state = _state with { AggressiveEnded = true };
        _logger.LogInformation("Aggressive phase ends after epoch {Epoch}: validation MI {Mi:F3} did not improve on {Previous:F3}; training goes on normally",
            epoch + 1, mutualInformation, _state.AggressiveMutualInformation);
    }

    /// <summary>
    /// Greedy decodes of <paramref name="count"/> prior draws z ~ N(0, I) from a generator of its own with a fixed
    /// seed: the same points every epoch, and the training random streams untouched.
    /// </summary>
    private string[] PriorSamples(int count)
    {
        if (count == 0)
            return [];
        using var scope = NewDisposeScope();
        using var evaluation = new EvaluationMode(_model);
        using var generator = SeededRandom.NewGenerator((ulong)_config.Training.Seed + 2);
        var z = SeededRandom.Normal([count, _config.Model.LatentSize], _device, generator); // [count, latent]
        return SentenceDecoding.Decode(_model, z, new DecodingOptions { MaxLength = _config.Data.MaxLength + 1 })
            .Select(decoded => _tokenizer.Decode(decoded.Ids))
            .ToArray();
    }

    private void DecayLearningRate()
    {
        var rate = Math.Max(_config.Training.MinLearningRate, _state.LearningRate * _config.Training.PlateauFactor);
        SetLearningRate(rate);
        _state = _state with { LearningRate = rate, EpochsSinceLearningRateChange = 0 };
        _logger.LogInformation("Validation ELBO on a plateau: learning rate now {Rate:G3}", rate);
    }

    private void SetLearningRate(double rate)
    {
        foreach (var group in _trained.Optimizer.ParamGroups.Concat(_encoderOptimizer?.ParamGroups ?? []))
            group.LearningRate = rate;
    }

    private void LogStep(ProgressSnapshot progress, double klWeight, long totalSteps)
    {
        var eta = progress.SecondsPerStep * (totalSteps - _state.Step);
        var record = new MetricsRecord
        {
            Kind = MetricsRecordKind.Train,
            Step = _state.Step,
            Epoch = _state.Epoch + 1,
            Loss = progress.Loss,
            Reconstruction = progress.Reconstruction,
            Kl = progress.Kl,
            KlWeight = klWeight,
            LearningRate = _state.LearningRate,
            TokensPerSecond = progress.TokensPerSecond,
        };
        _metrics.Append(record);
        Logged?.Invoke(record);
        _logger.LogInformation("epoch {Epoch} step {Step}/{Total}  loss {Loss:F2}  rec {Rec:F2}  KL {Kl:F2}  β {Beta:F3}  {Tps:N0} tok/s  ETA {Eta}",
            record.Epoch, record.Step, totalSteps, record.Loss, record.Reconstruction, record.Kl, klWeight, progress.TokensPerSecond, FormatDuration(eta));
    }

    private void Save(string path)
    {
        _state = _state with
        {
            TorchRandomState = RandomState(torch.random.get_rng_state()),
            WordDropoutRandomState = RandomState(_wordDropoutRandom.get_state()),
            LogWindow = _window.Sums,
        };
        Checkpoint.Capture(_config, _tokenizer, _model, _trained.Optimizer, _state, _trainCorpus).Save(path);
        if (path == _run.Last)
            _lastSavedStep = _state.Step;
    }

    private void Restore(Checkpoint checkpoint)
    {
        checkpoint.LoadWeightsInto(_model);
        checkpoint.LoadOptimizerInto(_trained.Optimizer);
        _state = checkpoint.State;
        _lastSavedStep = _state.Step;
        SetLearningRate(_state.LearningRate);
        if (_state.TorchRandomState.Length > 0)
            torch.random.set_rng_state(tensor(_state.TorchRandomState));
        if (_state.WordDropoutRandomState.Length > 0)
            _wordDropoutRandom.set_state(tensor(_state.WordDropoutRandomState));
        _window.Sums = _state.LogWindow;
        _metrics.TruncateAfter(_state.Step);
        _logger.LogInformation("Resumed from step {Step} (epoch {Epoch}, batch {Batch})", _state.Step, _state.Epoch + 1, _state.BatchInEpoch);
    }

    /// <summary>
    /// The CPU generators' states are saved in every checkpoint, but TorchSharp cannot read a CUDA generator's state;
    /// so on CUDA, where dropout and the posterior samples draw from the device's default generator, that generator
    /// is reseeded from the seed and the step before every step, and a resumed run draws the same numbers.
    /// </summary>
    private void ReseedDeviceRandom(long step)
    {
        if (_device.type == DeviceType.CUDA)
            torch.cuda.manual_seed_all(unchecked(_config.Training.Seed * 1_000_003L + step));
    }

    private static byte[] RandomState(Tensor state)
    {
        using (state)
            return state.data<byte>().ToArray();
    }

    private static string FormatDuration(double seconds) =>
        double.IsFinite(seconds) ? TimeSpan.FromSeconds(Math.Round(seconds)).ToString(@"h\:mm\:ss") : "?";

    public void Dispose()
    {
        _encoderOptimizer?.Dispose();
        _trained.Dispose();
        _wordDropoutRandom.Dispose();
    }
}
