using System.CommandLine;
using TextVae.Tokenization;
using static System.FormattableString;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae vocab build</c>: learn a word or BPE vocabulary from a corpus and write its tokenizer files.</summary>
public static class VocabCommand
{
    public static Command Create()
    {
        var command = new Command("vocab", "Build and inspect vocabularies (tokenizers).");
        command.Subcommands.Add(CreateBuild());
        return command;
    }

    private static Command CreateBuild()
    {
        var corpus = new Option<string>("--corpus") { Description = "UTF-8 corpus, one sentence per line.", Required = true };
        var kind = new ChoiceOption<TokenizerKind>("--kind", "word (whole words, <unk> for the rest) or bpe (byte-level subwords).", defaultValue: null);
        var size = new Option<int>("--size") { Description = "Vocabulary size, the 4 special tokens included.", Required = true };
        var minCount = new Option<int>("--min-count") { Description = "Leave out words (word) or stop merging pairs (bpe) seen fewer times.", DefaultValueFactory = _ => 2 };
        var lowercase = new Option<bool>("--lowercase") { Description = "Lower-case the corpus and every later input." };
        var strict = new Option<bool>("--strict") { Description = "Stop at a line with invalid UTF-8 instead of skipping it." };
        var output = new Option<string>("--out") { Description = "Folder for the tokenizer files (created if missing).", Required = true };
        var command = new Command("build", "Learn a vocabulary from a corpus and write tokenizer.json with its vocabulary files.")
        {
            corpus, kind.Option, size, minCount, lowercase, strict, output,
        };
        command.SetAction(parse =>
        {
            var options = new VocabularyOptions(kind.Read(parse), parse.GetValue(size), parse.GetValue(minCount), parse.GetValue(lowercase), parse.GetValue(strict));
            var (tokenizer, report) = VocabularyBuilder.Build(parse.GetValue(corpus)!, options);
            var directory = parse.GetValue(output)!;
            TokenizerFiles.Save(tokenizer, directory);
            Print(parse.InvocationConfiguration.Output, report, directory, tokenizer.ExportFiles().Keys);
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter output, VocabularyReport report, string directory, IEnumerable<string> files)
    {
        var lines = report.Lines;
        output.WriteLine($"kind       {EnumSpelling.Of(report.Kind)}");
        output.WriteLine(Invariant($"size       {report.VocabularySize:N0}"));
        output.WriteLine(Invariant($"lines      {lines.UsableLines:N0} used, {lines.EmptyLines:N0} empty, {lines.InvalidLines:N0} invalid UTF-8"));
        if (lines.InvalidLines > 0)
            output.WriteLine($"           invalid UTF-8 on line(s) {string.Join(", ", lines.InvalidLineNumbers)}{(lines.InvalidLines > lines.InvalidLineNumbers.Count ? ", …" : "")}");
        output.WriteLine(Invariant($"tokens     {report.CorpusTokens:N0} ({report.UnknownTokens:N0} <unk>)"));
        output.WriteLine(Invariant($"coverage   {report.Coverage * 100:F2}%"));
        output.WriteLine(Invariant($"trained in {report.TrainingTime.TotalSeconds:F1} s"));
        output.WriteLine($"longest    {string.Join("  ", report.LongestTokens.Select(token => $"'{token}'"))}");
        output.WriteLine($"wrote      {directory} ({string.Join(", ", files.Order(StringComparer.Ordinal))})");
    }
}
