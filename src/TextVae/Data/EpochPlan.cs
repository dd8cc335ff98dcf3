namespace TextVae.Data;

/// <summary>One epoch's batches as sentence indices, in training order, with how much of them is padding.</summary>
/// <param name="TargetTokens">Real target positions: words + <c>&lt;eos&gt;</c> of every sentence.</param>
/// <param name="TargetPositions">Target positions in the padded batches: rows × (longest sentence + 1), summed.</param>
public sealed record EpochPlan(int Epoch, IReadOnlyList<int[]> Batches, long TargetTokens, long TargetPositions)
{
    public double PaddingFraction => TargetPositions == 0 ? 0 : 1.0 - (double)TargetTokens / TargetPositions;
}
