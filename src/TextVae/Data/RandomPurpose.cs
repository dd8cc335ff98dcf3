namespace TextVae.Data;

/// <summary>What a line's random numbers are for: each purpose draws from its own stream, so adding one never shifts another.</summary>
public enum RandomPurpose
{
    ElboSample = 1,
    ImportanceSamples = 2,
    MutualInformationSample = 3,
    PriorSample = 4,
    Decoding = 5,
}
