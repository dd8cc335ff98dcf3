using System.CommandLine;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae reconstruct "SENTENCE"</c>: encode, then decode the posterior mean (or a posterior sample).</summary>
public static class ReconstructCommand
{
    public static Command Create()
    {
        var sentence = new Argument<string>("sentence") { Description = "The sentence to encode and decode." };
        var samplePosterior = new Option<bool>("--sample-posterior") { Description = "Decode a sample of q(z|x) instead of its mean." };
        var command = new Command("reconstruct", "Encode a sentence to its posterior mean (or a posterior sample) and decode it.") { sentence, samplePosterior };
        var generation = new GenerationCommandOptions(command);
        command.SetAction(parse => generation.Run(parse, (generator, options, seed) =>
        {
            var result = generator.Reconstruct(parse.GetValue(sentence)!, parse.GetValue(samplePosterior), options, seed);
            return new GenerationReport(new[] { result.Input },
                new { samplePosterior = result.SampledPosterior, seed, decoding = options },
                new[] { new { result.Output.Text, result.Output.LogProbability, result.Output.Finished, result.Output.InTrainingCorpus, result.Exact } },
                output =>
                {
                    GenerationOutput.WriteNotices(output, result.Input);
                    GenerationOutput.WriteInput(output, "input", result.Input);
                    output.WriteLine($"{"output",-8}{result.Output.Text}  {GenerationOutput.Annotation(result.Output, result.Exact ? "exact" : null)}");
                });
        }));
        return command;
    }
}
