using System.CommandLine;
using TextVae.Generation;
using TextVae.Corpora;
using TextVae.Plotting;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae encode --data FILE --out FILE</c>: posterior means and variances per sentence, and an optional 2-D picture.</summary>
public static class EncodeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "UTF-8 file, one sentence per line (empty lines are skipped).", Required = true };
        var output = new Option<string>("--out") { Description = "Latent codes: FILE.jsonl (one JSON object per sentence) or FILE.csv.", Required = true };
        var plot = new Option<string?>("--plot") { Description = "Also draw the posterior means projected to 2-D (PCA), coloured by sentence length, as FILE.png." };
        var command = new Command("encode", "Write each sentence's posterior mean and variance for your own analysis; optionally plot them in 2-D.")
        {
            data, output, plot,
        };
        var model = new ModelCommandOptions(command, seeded: false);
        command.SetAction(parse =>
        {
            var (dataPath, outPath, plotPath) = (parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(plot));
            using var generator = model.Load(parse);
            var codes = generator.Encode(new CorpusReader(dataPath).ReadLines().Select(line => line.Text));
            LatentCodeFile.Write(outPath, codes);
            if (plotPath is not null)
                LatentPlot.Render(codes, plotPath, $"{Path.GetFileName(dataPath)}: posterior means (PCA)");
            var withUnknown = codes.Count(code => code.Input.UnknownWords.Count > 0);
            var truncated = codes.Count(code => code.Input.Truncated);
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(model.Json))
            {
                GenerationOutput.WriteJson(writer, "encode", generator, new { data = dataPath }, new { @out = outPath, plot = plotPath },
                    new { sentences = codes.Count, latentSize = generator.LatentSize, withUnknownWords = withUnknown, truncated });
                return 0;
            }
            if (withUnknown > 0)
                writer.WriteLine($"note: {withUnknown} sentence(s) have unknown words, read as <unk>");
            if (truncated > 0)
                writer.WriteLine($"note: {truncated} sentence(s) are longer than data.maxLength; only their first tokens are read");
            writer.WriteLine($"wrote {codes.Count} latent codes (latent size {generator.LatentSize}) to {outPath}");
            if (plotPath is not null)
                writer.WriteLine($"drew  {plotPath}");
            return 0;
        });
        return command;
    }
}
