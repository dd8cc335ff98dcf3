namespace TextVae.Tests.Cli;

[Trait("Category", "Slow")]
public class CommandLineTests
{
    [Fact]
    public void Info_prints_the_torch_versions_and_the_device()
    {
        var result = CliProcess.Run("info", "--device", "cpu");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("TorchSharp   0.107.0", result.Output);
        Assert.Contains("libtorch     2.10.0", result.Output);
        Assert.Contains("device       cpu", result.Output);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("info", "--colour")]
    [InlineData("info", "--device", "tpu")]
    public void Unknown_commands_options_and_values_are_usage_errors_without_stack_traces(params string[] args)
    {
        var result = CliProcess.Run(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(args[^1], result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
