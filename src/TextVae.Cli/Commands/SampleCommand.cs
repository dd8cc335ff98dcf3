using System.CommandLine;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae sample</c>: sentences from the prior, each marked when it occurs verbatim in the training corpus.</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count", "-n") { Description = "Sentences to sample.", DefaultValueFactory = _ => 10 };
        var command = new Command("sample", "Sample sentences from the prior: z ~ N(0, I), decoded all together.") { count };
        var model = new ModelCommandOptions(command, seeded: true);
        var decoding = new DecodingCommandOptions(command);
        command.SetAction(parse =>
        {
            var options = decoding.Read(parse);
            using var generator = model.Load(parse);
            var seed = parse.GetValue(model.Seed);
            var sentences = generator.Sample(parse.GetValue(count), options, seed);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(model.Json))
            {
                GenerationOutput.WriteJson(output, "sample", generator, Array.Empty<object>(),
                    new { count = sentences.Count, seed, decoding = options }, sentences);
                return 0;
            }
            GenerationOutput.WriteSamples(output, generator, sentences);
            return 0;
        });
        return command;
    }
}
