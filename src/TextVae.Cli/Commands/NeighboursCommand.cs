using System.CommandLine;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae neighbours "SENTENCE" --data FILE -k N</c>: the corpus sentences nearest in latent space.</summary>
public static class NeighboursCommand
{
    public static Command Create()
    {
        var sentence = new Argument<string>("sentence") { Description = "The sentence whose neighbours are wanted." };
        var data = new Option<string>("--data") { Description = "Corpus to search: UTF-8, one sentence per line.", Required = true };
        var k = new Option<int>("-k") { Description = "Neighbours to show.", DefaultValueFactory = _ => 5 };
        var command = new Command("neighbours", "Find the corpus sentences whose posterior means are nearest the sentence's.") { sentence, data, k };
        var model = new ModelCommandOptions(command, seeded: false);
        command.SetAction(parse =>
        {
            using var generator = model.Load(parse);
            var result = generator.Neighbours(parse.GetValue(sentence)!, parse.GetValue(data)!, parse.GetValue(k));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(model.Json))
            {
                GenerationOutput.WriteJson(output, "neighbours", generator, new[] { result.Input },
                    new { data = result.Corpus, k = parse.GetValue(k), corpusSentences = result.CorpusSentences }, result.Neighbours);
                return 0;
            }
            GenerationOutput.WriteNotices(output, result.Input);
            GenerationOutput.WriteInput(output, "input", result.Input);
            foreach (var neighbour in result.Neighbours)
                output.WriteLine(Invariant($"  {neighbour.Distance,8:F3}  line {neighbour.LineNumber,-6} {neighbour.Text}"));
            output.WriteLine($"searched {result.CorpusSentences} distinct sentence(s) of {result.Corpus}");
            return 0;
        });
        return command;
    }
}
