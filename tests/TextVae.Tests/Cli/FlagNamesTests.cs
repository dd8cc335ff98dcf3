using TextVae.Cli;

namespace TextVae.Tests.Cli;

public class FlagNamesTests
{
    [Theory]
    [InlineData("count", "--count")]
    [InlineData("topK", "--top-k")]
    [InlineData("priorSamples", "--prior-samples")]
    [InlineData("maxLength", "--max-len")]
    [InlineData("beamWidth", "--beam")]
    [InlineData("overrides", "--set")]
    [InlineData("training.epochs", "training.epochs")]
    public void A_library_parameter_is_worded_as_the_commands_flag(string parameter, string flag) =>
        Assert.Equal(flag, FlagNames.For(parameter));

    [Fact]
    public void A_typed_error_reads_with_the_flag_in_place_of_the_parameter()
    {
        var error = Assert.Throws<InvalidParameterException>(() => ConfigCheck.Positive(0, "topK"));

        Assert.Equal("topK must be greater than 0 (got 0)", error.Message);
        Assert.Equal("--top-k must be greater than 0 (got 0)", error.MessageNaming(FlagNames.For(error.Parameter)));
    }
}
