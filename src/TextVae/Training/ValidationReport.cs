namespace TextVae.Training;

/// <summary>
/// One validation pass: its metrics (<c>kind = "valid"</c>), greedy reconstructions of the first validation
/// sentences, and greedy decodes of fixed prior draws (the same z every epoch, so their change shows the decoder's).
/// </summary>
public sealed record ValidationReport(MetricsRecord Metrics, IReadOnlyList<ReconstructionExample> Reconstructions, IReadOnlyList<string> Samples);

/// <summary>A validation sentence and its greedy reconstruction from the posterior mean.</summary>
public sealed record ReconstructionExample(string Input, string Output);
