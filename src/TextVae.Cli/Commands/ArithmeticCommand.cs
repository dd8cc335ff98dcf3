using System.CommandLine;
using TextVae.Generation;

namespace TextVae.Cli.Commands;

/// <summary>
/// <c>textvae arithmetic "A" - "B" + "C"</c>: decodes μ(A) − μ(B) + μ(C). The terms are one argument list, so the
/// lone <c>-</c> and <c>+</c> reach <see cref="ArithmeticTerm.Parse"/> as operators, not as options.
/// </summary>
public static class ArithmeticCommand
{
    public static Command Create()
    {
        var terms = new Argument<string[]>("terms")
        {
            Description = "Sentences joined by + and - as separate arguments: \"A\" - \"B\" + \"C\". Put -- before the terms if a sentence starts with '-'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("arithmetic", "Latent vector arithmetic: decode the sum of the sentences' posterior means with the given signs, e.g. textvae arithmetic \"A\" - \"B\" + \"C\".")
        {
            terms,
        };
        var generation = new GenerationCommandOptions(command);
        command.SetAction(parse =>
        {
            var parsed = ArithmeticTerm.Parse(parse.GetValue(terms) ?? []);
            return generation.Run(parse, (generator, options, seed) =>
            {
                var result = generator.Arithmetic(parsed, options, seed);
                return new GenerationReport(result.Terms, new { seed, decoding = options }, new[] { result.Output }, output => Print(output, result));
            });
        });
        return command;
    }

    private static void Print(TextWriter output, ArithmeticResult result)
    {
        GenerationOutput.WriteNotices(output, result.Terms.Select(term => term.Input).ToArray());
        for (var i = 0; i < result.Terms.Count; i++)
        {
            var term = result.Terms[i];
            var sign = term.Sign < 0 ? "-" : i == 0 ? " " : "+";
            output.WriteLine($"{sign} {term.Input.AsRead}");
        }
        output.WriteLine($"= {result.Output.Text}  {GenerationOutput.Annotation(result.Output)}");
    }
}
