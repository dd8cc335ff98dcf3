using System.CommandLine;
using TextVae.Runtime;
using TextVae.Evaluation;

namespace TextVae.Cli.Commands;

/// <summary>The options <c>eval</c> and <c>score</c> share: which model, which data, and how many importance samples.</summary>
public sealed class ScoringOptions
{
    public Option<string> Checkpoint { get; } = new("--checkpoint") { Description = "Checkpoint to measure (a run's best.ckpt or last.ckpt).", Required = true };
    public Option<string> Data { get; } = new("--data") { Description = "Data set: UTF-8, one sentence per line (e.g. the test split).", Required = true };
    public Option<int> Samples { get; } = new("--samples") { Description = "K, importance samples from q(z|x) per sentence for the NLL.", DefaultValueFactory = _ => new EvaluationOptions().Samples };
    public Option<int> Chunk { get; } = ChunkOption();
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the posterior and prior samples.", DefaultValueFactory = _ => new EvaluationOptions().Seed };
    public Option<bool> Json { get; } = new("--json") { Description = "Machine-readable output on stdout." };
    public ChoiceOption<DeviceChoice> Device { get; } = CommonOptions.Device();

    public IEnumerable<Option> All => [Checkpoint, Data, Samples, Chunk, Seed, Json, Device.Option];

    /// <summary>--chunk, also used by <c>bench score</c>.</summary>
    public static Option<int> ChunkOption() =>
        new("--chunk") { Description = "Importance samples decoded together (memory against speed); 0 picks a size that keeps a batch's logits near 64 MB." };

    public EvaluationOptions Read(ParseResult parse) => new()
    {
        Samples = parse.GetValue(Samples),
        Chunk = parse.GetValue(Chunk),
        Seed = parse.GetValue(Seed),
    };
}
