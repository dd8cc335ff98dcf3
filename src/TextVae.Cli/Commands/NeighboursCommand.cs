using System.CommandLine;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae neighbours "SENTENCE" --data FILE -k N</c>: the corpus sentences nearest in latent space.</summary>
public static class NeighboursCommand
{
    public static Command Create()
    {
        var sentence = new Argument<string>("sentence") { Description = "The sentence whose neighbours are wanted." };
        var data = new Option<string?>("--data") { Description = "Corpus to search: UTF-8, one sentence per line (encoded for this query)." };
        var codes = new Option<string?>("--codes") { Description = "Search a file from 'textvae encode' (.parquet or .jsonl, same model) instead of encoding a corpus." };
        var k = new Option<int>("-k") { Description = "Neighbours to show.", DefaultValueFactory = _ => 5 };
        var command = new Command("neighbours", "Find the corpus sentences whose posterior means are nearest the sentence's.") { sentence, data, codes, k };
        var model = new ModelCommandOptions(command, seeded: false);
        command.SetAction(parse =>
        {
            var (corpus, encoded) = (parse.GetValue(data), parse.GetValue(codes));
            if ((corpus is null) == (encoded is null))
                throw new TextVaeException("give either --data FILE (a corpus) or --codes FILE (its encoding), not both or neither");
            using var generator = model.Load(parse);
            var result = encoded is null
                ? generator.Neighbours(parse.GetValue(sentence)!, corpus!, parse.GetValue(k))
                : generator.Neighbours(parse.GetValue(sentence)!, encoded, TextVae.Checkpoints.CheckpointDigest.Of(generator.CheckpointPath), parse.GetValue(k));
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
