using System.Text.Json;
using System.Text.Json.Serialization;
using TextVae.Configuration;
using TextVae.Model;
using TextVae.Tokenization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TextVae.Checkpoints;

/// <summary>
/// Everything needed to use or continue a model, in one file: configuration, tokenizer files, weights,
/// optimizer state and <see cref="TrainingState"/>. The container (<see cref="CheckpointFile"/>) adds the
/// format version and checksum and writes atomically.
/// </summary>
public sealed class Checkpoint
{
    private const string ConfigEntry = "config.json";
    private const string StateEntry = "state.json";
    private const string InfoEntry = "info.json";
    private const string WeightsEntry = "model.weights";
    private const string OptimizerEntry = "optimizer.state";
    private const string TokenizerPrefix = "tokenizer/";

    // BestValidElbo is -Infinity until the first validation, and a mid-epoch save comes before it.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public required TrainConfig Config { get; init; }
    public required ISentenceTokenizer Tokenizer { get; init; }
    public required byte[] Weights { get; init; }
    public byte[]? OptimizerState { get; init; }
    public required TrainingState State { get; init; }
    public required CheckpointInfo Info { get; init; }

    public static Checkpoint Capture(TrainConfig config, ISentenceTokenizer tokenizer, SentenceVae model, OptimizerHelper? optimizer,
        TrainingState state, string? trainCorpus)
    {
        using var weights = new MemoryStream();
        model.save(weights);
        byte[]? optimizerState = null;
        if (optimizer is not null)
        {
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
                optimizer.save_state_dict(writer);
            optimizerState = buffer.ToArray();
        }
        return new Checkpoint
        {
            Config = config,
            Tokenizer = tokenizer,
            Weights = weights.ToArray(),
            OptimizerState = optimizerState,
            State = state,
            Info = new CheckpointInfo
            {
                TextVaeVersion = TextVae.TextVaeVersion.Current,
                SavedAt = DateTimeOffset.UtcNow,
                Parameters = model.parameters().Sum(p => p.numel()),
                TrainCorpus = trainCorpus is null ? null : Path.GetFullPath(trainCorpus),
            },
        };
    }

    public void Save(string path)
    {
        var entries = new Dictionary<string, byte[]>
        {
            [ConfigEntry] = JsonSerializer.SerializeToUtf8Bytes(Config, Json),
            [StateEntry] = JsonSerializer.SerializeToUtf8Bytes(State, Json),
            [InfoEntry] = JsonSerializer.SerializeToUtf8Bytes(Info, Json),
            [WeightsEntry] = Weights,
        };
        if (OptimizerState is not null)
            entries[OptimizerEntry] = OptimizerState;
        foreach (var (name, bytes) in Tokenizer.ExportFiles())
            entries[TokenizerPrefix + name] = bytes;
        CheckpointFile.Write(path, entries);
    }

    public static Checkpoint Load(string path)
    {
        var entries = CheckpointFile.Read(path);
        byte[] Entry(string name) => entries.TryGetValue(name, out var bytes)
            ? bytes
            : throw new TextVaeException($"checkpoint {path} is incompatible: it has no '{name}' entry");
        T Parse<T>(string name)
        {
            try
            {
                return JsonSerializer.Deserialize<T>(Entry(name), Json) ?? throw new JsonException("null");
            }
            catch (JsonException e)
            {
                throw new TextVaeException($"checkpoint {path} is incompatible: '{name}' cannot be read ({e.Message.Split('\n')[0]})");
            }
        }

        var tokenizerFiles = entries.Where(e => e.Key.StartsWith(TokenizerPrefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Key[TokenizerPrefix.Length..], e => e.Value);
        ISentenceTokenizer tokenizer;
        try
        {
            tokenizer = TokenizerFiles.FromFiles(tokenizerFiles);
        }
        catch (TextVaeException e)
        {
            throw new TextVaeException($"checkpoint {path} is incompatible: its tokenizer cannot be rebuilt ({e.Message})");
        }
        var config = Parse<TrainConfig>(ConfigEntry);
        try
        {
            config.Validate();
        }
        catch (TextVaeException e)
        {
            throw new TextVaeException($"checkpoint {path} is incompatible: {e.Message}");
        }
        return new Checkpoint
        {
            Config = config,
            Tokenizer = tokenizer,
            Weights = Entry(WeightsEntry),
            OptimizerState = entries.GetValueOrDefault(OptimizerEntry),
            State = Parse<TrainingState>(StateEntry),
            Info = Parse<CheckpointInfo>(InfoEntry),
        };
    }

    /// <summary>Builds the model this checkpoint describes, with its weights, on <paramref name="device"/>, in eval mode.</summary>
    public SentenceVae CreateModel(Device device)
    {
        var model = new SentenceVae(Config.Model);
        LoadWeightsInto(model);
        model.to(device);
        model.eval();
        return model;
    }

    public void LoadWeightsInto(SentenceVae model)
    {
        try
        {
            TorchSharpStateLayout.CheckWeights(Weights, model.state_dict());
            using var stream = new MemoryStream(Weights, writable: false);
            model.load(stream, strict: true);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw new TextVaeException($"checkpoint weights do not fit the model in its configuration: {e.Message.Split('\n')[0]}");
        }
    }

    public void LoadOptimizerInto(OptimizerHelper optimizer)
    {
        if (OptimizerState is null)
            throw new TextVaeException("checkpoint has no optimizer state, so training cannot resume from it");
        using var reader = new BinaryReader(new MemoryStream(OptimizerState, writable: false));
        try
        {
            TorchSharpStateLayout.CheckOptimizer(OptimizerState, optimizer);
            optimizer.load_state_dict(reader);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw new TextVaeException($"checkpoint optimizer state does not fit training.optimizer: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>
    /// What TorchSharp's readers throw for bytes that are not what they expect. The checksum already holds here,
    /// so such bytes were written so (a foreign or hand-made file, or a bug), and the user gets one line about them.
    /// </summary>
    private static bool IsUnreadable(Exception e) =>
        e is ArgumentException or InvalidOperationException or IOException or InvalidDataException or OverflowException
            or IndexOutOfRangeException or FormatException or NotImplementedException or System.Runtime.InteropServices.ExternalException;
}
