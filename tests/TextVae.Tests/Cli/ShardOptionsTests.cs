using System.CommandLine;
using TextVae.Cli.Commands;
using TextVae.Data;

namespace TextVae.Tests.Cli;

public class ShardOptionsTests
{
    private static Shard Resolve(string[] args, Dictionary<string, string> environment)
    {
        var command = new Command("score");
        var options = new ShardOptions(command);
        return options.Resolve(command.Parse(args), name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void The_flag_wins_over_the_schedulers_variables()
    {
        Assert.Equal(new Shard(2, 5), Resolve(["--shard", "2/5"], new() { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "4" }));
        Assert.Equal(Shard.All, Resolve([], []));
    }

    [Fact]
    public void A_slurm_array_gives_k_from_its_first_task()
    {
        Assert.Equal(new Shard(1, 4), Resolve([], new() { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "4" }));
        Assert.Equal(new Shard(2, 4), Resolve([], new() { ["SLURM_ARRAY_TASK_ID"] = "3", ["SLURM_ARRAY_TASK_COUNT"] = "4", ["SLURM_ARRAY_TASK_MIN"] = "1" }));
    }

    [Fact]
    public void A_kubernetes_index_needs_the_count_from_a_flag_or_variable()
    {
        Assert.Equal(new Shard(3, 8), Resolve(["--shard-count", "8"], new() { ["JOB_COMPLETION_INDEX"] = "3" }));
        Assert.Equal(new Shard(3, 8), Resolve([], new() { ["JOB_COMPLETION_INDEX"] = "3", ["TEXTVAE_SHARD_COUNT"] = "8" }));
        Assert.Contains("--shard-count", Assert.Throws<TextVaeException>(() => Resolve([], new() { ["JOB_COMPLETION_INDEX"] = "3" })).Message);
        Assert.Contains("outside 0 … 1", Assert.Throws<TextVaeException>(() => Resolve(["--shard-count", "2"], new() { ["JOB_COMPLETION_INDEX"] = "3" })).Message);
    }

    [Fact]
    public void Output_names_take_the_shard_number()
    {
        Assert.Equal("scores/part-00007-of-16.parquet", ShardOptions.OutputPath("scores/part-{shard}-of-{shards}.parquet", new Shard(7, 16)));
    }
}
