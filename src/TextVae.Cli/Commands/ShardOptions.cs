using System.CommandLine;
using System.Globalization;
using TextVae.Data;

namespace TextVae.Cli.Commands;

/// <summary>
/// The options of commands that split their work across processes: which shard this process is (flag, or the
/// scheduler's environment), the block size that all shards must share, and whether to redo a finished output.
/// </summary>
public sealed class ShardOptions
{
    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Process shard K of N (K from 0): blocks of --block-lines lines whose index mod N is K. " +
            "Default: SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX with --shard-count, else the whole file.",
    };

    public Option<int?> ShardCount { get; } = new("--shard-count")
    {
        Description = "N when K comes from Kubernetes' JOB_COMPLETION_INDEX (or set TEXTVAE_SHARD_COUNT).",
    };

    public Option<int> BlockLines { get; } = new("--block-lines")
    {
        Description = "Lines per block (the unit of sharding and of batching); every shard of a job must use the same value.",
        DefaultValueFactory = _ => CorpusBlocks.DefaultBlockLines,
    };

    public Option<bool> Overwrite { get; } = new("--overwrite") { Description = "Redo an output that is already complete (by default it is kept and the shard skipped)." };

    public ShardOptions(Command command, bool blocks = true)
    {
        command.Options.Add(Shard);
        command.Options.Add(ShardCount);
        if (blocks)
            command.Options.Add(BlockLines);
        command.Options.Add(Overwrite);
    }

    /// <summary>The shard from --shard, else from Slurm's or Kubernetes' variables, else the whole input.</summary>
    public Data.Shard Resolve(ParseResult parse, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (parse.GetValue(Shard) is { } text)
            return Data.Shard.Parse(text, "--shard");
        if (environment("SLURM_ARRAY_TASK_ID") is { } slurmId && environment("SLURM_ARRAY_TASK_COUNT") is { } slurmCount)
        {
            // An array may start anywhere (--array=1-8): the shard is the task's position from the first task.
            var first = environment("SLURM_ARRAY_TASK_MIN") is { } min ? Number(min, "SLURM_ARRAY_TASK_MIN") : 0;
            return new Data.Shard(Number(slurmId, "SLURM_ARRAY_TASK_ID") - first, Number(slurmCount, "SLURM_ARRAY_TASK_COUNT"))
                .Validate("SLURM_ARRAY_TASK_ID");
        }
        var count = parse.GetValue(ShardCount) ?? (environment("TEXTVAE_SHARD_COUNT") is { } variable ? Number(variable, "TEXTVAE_SHARD_COUNT") : null);
        if (environment("JOB_COMPLETION_INDEX") is { } index)
            return count is { } n
                ? new Data.Shard(Number(index, "JOB_COMPLETION_INDEX"), n).Validate("JOB_COMPLETION_INDEX")
                : throw new TextVaeException("JOB_COMPLETION_INDEX is set but not the number of shards: pass --shard-count N or set TEXTVAE_SHARD_COUNT (or --shard K/N)");
        if (count is not null)
            throw new TextVaeException("--shard-count needs the shard index from JOB_COMPLETION_INDEX; use --shard K/N to give both");
        return Data.Shard.All;
    }

    /// <summary>The output path with <c>{shard}</c> replaced by K in five digits (part-00003.parquet) and <c>{shards}</c> by N.</summary>
    public static string OutputPath(string template, Data.Shard shard) => template
        .Replace("{shard}", shard.Index.ToString("D5", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{shards}", shard.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static int Number(string text, string variable) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new TextVaeException($"{variable} must be a whole number (got '{text}')");
}
