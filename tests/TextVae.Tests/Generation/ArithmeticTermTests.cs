using TextVae.Generation;

namespace TextVae.Tests.Generation;

public class ArithmeticTermTests
{
    [Fact]
    public void Sentences_take_the_sign_before_them()
    {
        var terms = ArithmeticTerm.Parse(["a b", "-", "c", "+", "d e f"]);

        Assert.Equal([new ArithmeticTerm(1, "a b"), new ArithmeticTerm(-1, "c"), new ArithmeticTerm(1, "d e f")], terms);
        Assert.Equal([new ArithmeticTerm(-1, "x")], ArithmeticTerm.Parse(["-", "x"]));
    }

    [Theory]
    [InlineData("two operators", "a", "-", "+", "b")]
    [InlineData("expected + or -", "a", "b")]
    [InlineData("must follow", "a", "-")]
    public void Malformed_expressions_are_one_line_errors(string message, params string[] tokens)
    {
        var error = Assert.ThrowsAny<TextVaeException>(() => ArithmeticTerm.Parse(tokens));

        Assert.Contains(message, error.Message);
    }
}
