using TextVae.Runtime;

namespace TextVae.Training;

/// <summary>What the user asked <c>textvae train</c> (or the quickstart) to do.</summary>
public sealed record TrainingRequest
{
    public string? ConfigPath { get; init; }
    public IReadOnlyList<string> Overrides { get; init; } = [];
    public string? TrainCorpus { get; init; }
    public string? ValidCorpus { get; init; }
    public string? RunFolder { get; init; }
    public bool Resume { get; init; }
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;
}
