using Microsoft.Extensions.Configuration;
using TextVae.Data;
using TextVae.Model;
using TextVae.Tokenization;

namespace TextVae.Configuration;

/// <summary>
/// A whole training configuration, one typed record per concern, as laid out in <c>configs/*.json</c>.
/// It is stored in every checkpoint, so a model can be rebuilt without the file it was trained from.
/// </summary>
public sealed record TrainConfig
{
    public static readonly string[] Sections = ["data", "tokenizer", "model", "objective", "training"];
    public const string EnvironmentPrefix = "TEXTVAE__";

    public DataOptions Data { get; init; } = new();
    public TokenizerOptions Tokenizer { get; init; } = new();
    public ModelOptions Model { get; init; } = new();
    public ObjectiveOptions Objective { get; init; } = new();
    public TrainingOptions Training { get; init; } = new();

    public static TrainConfig Bind(IConfiguration configuration)
    {
        ConfigBinding.RequireKnownSections(configuration, Sections);
        var config = new TrainConfig
        {
            Data = ConfigBinding.Bind<DataOptions>(configuration, "data"),
            Tokenizer = ConfigBinding.Bind<TokenizerOptions>(configuration, "tokenizer"),
            Model = ConfigBinding.Bind<ModelOptions>(configuration, "model"),
            Objective = ConfigBinding.Bind<ObjectiveOptions>(configuration, "objective"),
            Training = ConfigBinding.Bind<TrainingOptions>(configuration, "training"),
        };
        config.Validate();
        return config;
    }

    /// <summary>
    /// Loads <paramref name="path"/>, then environment variables <c>TEXTVAE__section__key</c>, then <c>--set</c>
    /// overrides, each layer winning over the one before.
    /// </summary>
    public static TrainConfig Load(string path, IEnumerable<string>? overrides = null)
    {
        if (!File.Exists(path))
            throw new TextVaeException($"configuration file {path} does not exist");
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddInMemoryCollection(ConfigBinding.ParseOverrides(overrides ?? []))
                .Build();
        }
        catch (InvalidDataException e)
        {
            // The provider wraps the parser's error, which says where the JSON breaks, in a generic one.
            Exception cause = e;
            for (Exception? inner = e; inner is not null; inner = inner.InnerException)
                cause = inner;
            throw new TextVaeException($"configuration file {path} is not valid JSON: {cause.Message.Split('\n')[0]}", e);
        }
        return Bind(configuration);
    }

    public void Validate()
    {
        Data.Validate();
        Tokenizer.Validate();
        Model.Validate();
        Objective.Validate();
        Training.Validate();
    }
}
