using System.CommandLine;
using System.Text.Json;
using TextVae.Evaluation;
using TextVae.Runtime;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary>
/// <c>textvae eval</c>: the numbers the text-VAE papers report (NLL, KL, MI, AU, PPL and more) for a model on a data
/// set; with --shard each process writes its additive part (--part), and <c>textvae eval merge</c> adds them up.
/// </summary>
public static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create()
    {
        var shared = new ScoringOptions();
        var priorSamples = new Option<int>("--prior-samples")
        {
            Description = "Sentences decoded greedily from z ~ N(0, I) for distinct-n, self-BLEU and novelty; 0 skips them.",
            DefaultValueFactory = _ => new EvaluationOptions().PriorSamples,
        };
        var train = new Option<string?>("--train") { Description = "Training corpus for novelty (default: the path stored in the checkpoint)." };
        var mi = new ChoiceOption<MutualInformationEstimator>("--mi",
            "MI estimator: aggregate (q(z) over the data set, bounded by log N) or minibatch (per batch, as He et al.'s code; bounded by log B).",
            new EvaluationOptions().MutualInformation);
        var miData = new Option<string?>("--mi-data")
        {
            Description = "Estimate MI over the first 10,000 sentences of FILE (e.g. the training corpus) instead of the data set, so a small test set's bound log N does not cap it.",
        };
        var beam = new Option<int>("--beam")
        {
            Description = "Also reconstruct with a length-normalised beam of this width and report its BLEU and exact share beside greedy's; 0: greedy only.",
            DefaultValueFactory = _ => new EvaluationOptions().BeamWidth,
        };
        var part = new Option<string?>("--part")
        {
            Description = "Write this shard's partial sums to FILE (JSON) instead of a report; merge the parts with 'textvae eval merge'. {shard} in the name becomes the shard's number.",
        };
        var command = new Command("eval", "Measure a model on a data set: ELBO, importance-weighted NLL and perplexity, KL, MI, active units, BLEU, diversity.");
        foreach (var option in shared.All.Append(priorSamples).Append(train).Append(mi.Option).Append(miData).Append(beam).Append(part))
            command.Options.Add(option);
        var sharding = new ShardOptions(command);
        command.Subcommands.Add(CreateMerge());
        command.SetAction(parse => Interruption.Guard(parse.InvocationConfiguration.Error, cancel =>
        {
            var options = shared.Read(parse) with
            {
                PriorSamples = parse.GetValue(priorSamples),
                TrainCorpus = parse.GetValue(train),
                MutualInformation = mi.Read(parse),
                MutualInformationData = parse.GetValue(miData),
                BeamWidth = parse.GetValue(beam),
            };
            options.Validate();
            var shard = sharding.Resolve(parse);
            var partPath = parse.GetValue(part) is { } template ? ShardOptions.OutputPath(template, shard) : null;
            if (!shard.IsWhole && partPath is null)
                throw new TextVaeException($"shard {shard} of an evaluation gives partial sums, not a report: pass --part FILE and merge the parts with 'textvae eval merge'");
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (partPath is not null && !parse.GetValue(sharding.Overwrite) && File.Exists(partPath))
            {
                error.WriteLine($"{partPath} is complete; skipped (--overwrite redoes it)");
                return 0;
            }
            var device = DeviceSelector.Resolve(shared.Device.Read(parse));
            var dataPath = parse.GetValue(shared.Data)!;

            using var evaluator = ModelEvaluator.Load(parse.GetValue(shared.Checkpoint)!, device);
            var trainCorpus = evaluator.TrainingCorpus(options)?.Path;
            if (options.PriorSamples > 0 && trainCorpus is null && shard.Index == 0)
                error.WriteLine("novelty: no training corpus (the checkpoint's is missing here); pass --train FILE to measure it");
            var blocks = evaluator.Blocks(dataPath, shard, parse.GetValue(sharding.BlockLines));
            var result = evaluator.EvaluatePart(blocks, options, new ProgressLines(error, $"IW-NLL (K = {options.Samples})"), cancel);
            error.WriteLine(Invariant($"{dataPath}: {result.Sentences:N0} sentences{(shard.IsWhole ? "" : $" of shard {shard}")} scored whole") +
                (result.TooLong > 0 ? Invariant($", {result.TooLong:N0} longer than the model's position limit left out") : ""));
            if (partPath is not null)
            {
                result.Save(partPath);
                output.WriteLine(Invariant($"wrote the part of shard {shard} ({result.Sentences:N0} sentences, {result.Tokens:N0} tokens) to {partPath}"));
                return 0;
            }
            Print(output, EvaluationPart.Merge([(dataPath, result)]), parse.GetValue(shared.Json));
            return 0;
        }));
        return command;
    }

    private static Command CreateMerge()
    {
        var parts = new Argument<string[]>("parts") { Description = "The part files of every shard (from eval --shard K/N --part FILE).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Machine-readable output on stdout." };
        var command = new Command("merge", "Add up the parts of a sharded evaluation into the report one process would have printed.") { parts, json };
        command.SetAction(parse =>
        {
            TorchRuntime.EnsureLoaded(); // mutual information is computed with torch after the merge
            var merged = EvaluationPart.Merge(parse.GetValue(parts)!.Select(path => (path, EvaluationPart.Load(path))).ToArray());
            Print(parse.InvocationConfiguration.Output, merged, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter output, EvaluationPart merged, bool json)
    {
        var report = merged.Report();
        if (json)
            output.WriteLine(JsonSerializer.Serialize(report, Json));
        else
            PrintTable(output, report, merged.Settings);
    }

    private static void PrintTable(TextWriter output, EvaluationReport report, EvaluationSettings settings)
    {
        output.WriteLine($"checkpoint  {settings.Checkpoint}");
        output.WriteLine(Invariant($"data        {settings.Data}: {report.Sentences:N0} sentences scored whole, {report.Tokens:N0} tokens (<eos> counted, <bos> not)"));
        if (report.TooLong > 0)
            output.WriteLine(Invariant($"            {report.TooLong:N0} sentences longer than the model's position limit were left out of every measure"));
        output.WriteLine();
        output.WriteLine("       NLL        KL        MI  MI bound      AU       PPL");
        var atBound = report.MutualInformationAtBound ? " (at bound)" : "";
        output.WriteLine(Invariant($"{report.IwNll,10:F2}{report.Kl,10:F2}{report.MutualInformation,10:F2}{report.MutualInformationBound,10:F2}{report.ActiveUnits,8}{report.Perplexity,10:F2}{atBound}"));
        output.WriteLine();
        output.WriteLine("      ELBO       Rec      BLEU  exact %   dist-1   dist-2  self-BLEU  novelty");
        output.WriteLine(Invariant($"{report.Elbo,10:F2}{report.Reconstruction,10:F2}{report.ReconstructionBleu,10:F2}{report.Exact * 100,9:F1}{Optional(report.Distinct1, "F3"),9}{Optional(report.Distinct2, "F3"),9}{Optional(report.SelfBleu, "F2"),11}{Optional(report.Novelty * 100, "F1"),9}"));
        if (report.BeamBleu is { } beamBleu)
            output.WriteLine(Invariant($"          beam {report.BeamWidth}: BLEU {beamBleu:F2}, exact {report.BeamExact * 100:F1} %"));
        output.WriteLine();
        output.WriteLine(Invariant($"NLL   −log p(x) per sentence in nats, importance-weighted with K = {settings.Samples} samples from q(z|x); PPL = exp(total NLL / tokens)"));
        output.WriteLine("ELBO  one posterior sample per sentence, analytic KL; Rec = −E_q[log p(x|z)]; NLL ≤ −ELBO up to sampling noise");
        output.WriteLine(report.MutualInformationEstimator == MutualInformationEstimator.Minibatch
            ? Invariant($"MI    I(x; z) (He et al. 2019), minibatch estimator as in their code: log q(z) over each batch's posteriors; bound mean log B = {report.MutualInformationBound:F2}")
            : Invariant($"MI    I(x; z) (He et al. 2019), aggregate estimator: one z ~ q(z|x) per sentence, log q(z) over the posteriors of all N sentences{(settings.MutualInformationData is { } miFile ? $" of the first {settings.MutualInformationSentences:N0} in {miFile}" : $" (a hash sample of {settings.MutualInformationSentences:N0} when there are more)")}; bound log N = {report.MutualInformationBound:F2}"));
        if (report.MutualInformationAtBound)
            output.WriteLine("      MI is at its bound: the estimate is saturated and says only that z carries at least this much (use more sentences for a higher bound)");
        output.WriteLine("AU    latent dimensions with Cov_x(E_q[z]) > 0.01;  BLEU: corpus BLEU (unsmoothed) of the greedy decoding of each posterior mean against its input");
        output.WriteLine(Invariant($"      BLEU's 1- to 4-gram precisions {string.Join(" / ", report.BleuPrecisions.All().Select(p => p.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}, brevity penalty {report.BleuBrevityPenalty:F3}; exact: reconstruction equals the input as the tokenizer writes it"));
        if (settings.PriorSamples > 0)
            output.WriteLine(Invariant($"prior {settings.PriorSamples:N0} greedy decodings of z ~ N(0, I), <unk> allowed; self-BLEU: smoothed sentence BLEU (NLTK method1); novelty (%) against {settings.TrainCorpus ?? "no training corpus (pass --train)"}"));
    }

    private static string Optional(double? value, string format) => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "-";
}
