using System.CommandLine;
using System.Text.Json;
using TextVae.Evaluation;
using TextVae.Runtime;
using TextVae.Checkpoints;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae eval</c>: the numbers the text-VAE papers report (NLL, KL, MI, AU, PPL and more) for a model on a data set.</summary>
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
        var mi = new Option<MutualInformationEstimator>("--mi")
        {
            Description = "MI estimator: aggregate (q(z) over the whole data set, bounded by log N) or minibatch (per batch, as He et al.'s code; bounded by log B).",
            DefaultValueFactory = _ => new EvaluationOptions().MutualInformation,
        };
        var command = new Command("eval", "Measure a model on a data set: ELBO, importance-weighted NLL and perplexity, KL, MI, active units, BLEU, diversity.");
        foreach (var option in shared.All.Append(priorSamples).Append(train).Append(mi))
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var options = shared.Read(parse) with
            {
                PriorSamples = parse.GetValue(priorSamples),
                TrainCorpus = parse.GetValue(train),
                MutualInformation = parse.GetValue(mi),
            };
            options.Validate();
            var device = DeviceSelector.Resolve(parse.GetValue(shared.Device)!);
            var checkpointPath = parse.GetValue(shared.Checkpoint)!;
            var dataPath = parse.GetValue(shared.Data)!;
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;

            using var evaluator = new ModelEvaluator(Checkpoint.Load(checkpointPath), device);
            var data = evaluator.Load(dataPath);
            error.WriteLine($"{dataPath}: {data.Report.Describe()}");
            var trainCorpus = evaluator.TrainingCorpus(options)?.Path;
            if (options.PriorSamples > 0 && trainCorpus is null)
                error.WriteLine("novelty: no training corpus (the checkpoint's is missing here); pass --train FILE to measure it");
            var report = evaluator.Evaluate(data, options, new ProgressLines(error, $"IW-NLL (K = {options.Samples})"));

            if (parse.GetValue(shared.Json))
                output.WriteLine(JsonSerializer.Serialize(report, Json));
            else
                PrintTable(output, report, options, checkpointPath, dataPath, trainCorpus);
            return 0;
        });
        return command;
    }

    private static void PrintTable(TextWriter output, EvaluationReport report, EvaluationOptions options, string checkpoint, string data, string? trainCorpus)
    {
        output.WriteLine($"checkpoint  {checkpoint}");
        output.WriteLine(Invariant($"data        {data}: {report.Sentences:N0} sentences scored whole, {report.Tokens:N0} tokens (<eos> counted, <bos> not)"));
        if (report.TooLong > 0)
            output.WriteLine(Invariant($"            {report.TooLong:N0} sentences longer than the model's position limit were left out of every measure"));
        output.WriteLine();
        output.WriteLine("       NLL        KL        MI  MI bound      AU       PPL");
        var atBound = report.MutualInformationAtBound ? " (at bound)" : "";
        output.WriteLine(Invariant($"{report.IwNll,10:F2}{report.Kl,10:F2}{report.MutualInformation,10:F2}{report.MutualInformationBound,10:F2}{report.ActiveUnits,8}{report.Perplexity,10:F2}{atBound}"));
        output.WriteLine();
        output.WriteLine("      ELBO       Rec      BLEU   dist-1   dist-2  self-BLEU  novelty");
        output.WriteLine(Invariant($"{report.Elbo,10:F2}{report.Reconstruction,10:F2}{report.ReconstructionBleu,10:F2}{Optional(report.Distinct1, "F3"),9}{Optional(report.Distinct2, "F3"),9}{Optional(report.SelfBleu, "F2"),11}{Optional(report.Novelty * 100, "F1"),9}"));
        output.WriteLine();
        output.WriteLine(Invariant($"NLL   −log p(x) per sentence in nats, importance-weighted with K = {options.Samples} samples from q(z|x); PPL = exp(total NLL / tokens)"));
        output.WriteLine("ELBO  one posterior sample per sentence, analytic KL; Rec = −E_q[log p(x|z)]; NLL ≤ −ELBO up to sampling noise");
        output.WriteLine(report.MutualInformationEstimator == MutualInformationEstimator.Minibatch
            ? Invariant($"MI    I(x; z) (He et al. 2019), minibatch estimator as in their code: log q(z) over each batch's posteriors; bound mean log B = {report.MutualInformationBound:F2}")
            : Invariant($"MI    I(x; z) (He et al. 2019), aggregate estimator: one z ~ q(z|x) per sentence, log q(z) over all N posteriors; bound log N = {report.MutualInformationBound:F2}"));
        if (report.MutualInformationAtBound)
            output.WriteLine("      MI is at its bound: the estimate is saturated and says only that z carries at least this much (use more sentences for a higher bound)");
        output.WriteLine("AU    latent dimensions with Cov_x(E_q[z]) > 0.01;  BLEU: corpus BLEU (unsmoothed) of the greedy decoding of each posterior mean against its input");
        if (options.PriorSamples > 0)
            output.WriteLine(Invariant($"prior {options.PriorSamples:N0} greedy decodings of z ~ N(0, I), <unk> allowed; self-BLEU: smoothed sentence BLEU (NLTK method1); novelty (%) against {trainCorpus ?? "no training corpus (pass --train)"}"));
    }

    private static string Optional(double? value, string format) => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "-";
}
