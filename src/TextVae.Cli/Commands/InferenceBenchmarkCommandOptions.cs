using System.CommandLine;
using TextVae.Benchmarking;

namespace TextVae.Cli.Commands;

/// <summary>The options <c>bench encode</c> and <c>bench score</c> share: which model, which file, how much of it and in what batches.</summary>
public sealed class InferenceBenchmarkCommandOptions
{
    private readonly Option<string> _data = new("--data") { Description = "UTF-8 file, one sentence per line; streamed as the command streams it.", Required = true };
    private readonly Option<int?> _batch;
    private readonly Option<long?> _sentences = new("--sentences") { Description = "Use only the file's first N sentences (default: all)." };
    private readonly Option<int> _threads = CommonOptions.Threads();

    public InferenceBenchmarkCommandOptions(Command command, string batchDescription)
    {
        _batch = new Option<int?>("--batch") { Description = batchDescription };
        Model = new ModelCommandOptions(command, seeded: false);
        foreach (var option in new Option[] { _data, _batch, _sentences, _threads })
            command.Options.Add(option);
    }

    public ModelCommandOptions Model { get; }

    public string Data(ParseResult parse) => parse.GetValue(_data)!;

    public InferenceBenchmarkOptions Read(ParseResult parse) => new InferenceBenchmarkOptions
    {
        BatchSize = parse.GetValue(_batch),
        Sentences = parse.GetValue(_sentences),
        Threads = parse.GetValue(_threads),
    }.Validate();
}
