using System.CommandLine;
using TextVae.Generation;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae paraphrase "SENTENCE"</c>: distinct sentences decoded from around the input's posterior, ranked.</summary>
public static class ParaphraseCommand
{
    public static Command Create()
    {
        var sentence = new Argument<string>("sentence") { Description = "The sentence to paraphrase." };
        var count = new Option<int>("--count", "-n") { Description = "Candidates decoded (duplicates and the input are then dropped).", DefaultValueFactory = _ => 20 };
        var radius = new Option<double>("--radius") { Description = "Scale R of the posterior noise: z = μ + R·σ·ε.", DefaultValueFactory = _ => 1.0 };
        var rank = new ChoiceOption<ParaphraseRanking>("--rank",
            "likelihood (log p(candidate | z), highest first) or distance (latent distance to the input, nearest first).", ParaphraseRanking.Likelihood);
        var command = new Command("paraphrase", "Sample around a sentence's posterior, decode, drop duplicates and the input, and rank the rest.")
        {
            sentence, count, radius, rank.Option,
        };
        var generation = new GenerationCommandOptions(command);
        command.SetAction(parse => generation.Run(parse, (generator, options, seed) =>
        {
            var result = generator.Paraphrase(parse.GetValue(sentence)!, parse.GetValue(count), parse.GetValue(radius), options, seed, rank.Read(parse));
            return new GenerationReport(new[] { result.Input },
                new { candidates = result.Candidates, radius = result.Radius, ranking = result.Ranking, seed, decoding = options },
                result.Paraphrases, output => Print(output, result));
        }));
        return command;
    }

    private static void Print(TextWriter output, ParaphraseResult result)
    {
        GenerationOutput.WriteNotices(output, result.Input);
        GenerationOutput.WriteInput(output, "input", result.Input);
        for (var i = 0; i < result.Paraphrases.Count; i++)
        {
            var paraphrase = result.Paraphrases[i];
            var corpus = paraphrase.InTrainingCorpus == true ? ", in training corpus" : "";
            output.WriteLine(Invariant($"{i + 1,3}. {paraphrase.Text}  [log p {paraphrase.Score:F2}, distance {paraphrase.Distance:F3}{corpus}]"));
        }
        output.WriteLine(result.Paraphrases.Count == 0
            ? $"no paraphrase: all {result.Candidates} candidates decoded to the input, to nothing or to each other; try a larger --radius or a sampling --strategy"
            : $"{result.Paraphrases.Count} distinct paraphrase(s) from {result.Candidates} candidates");
    }
}
