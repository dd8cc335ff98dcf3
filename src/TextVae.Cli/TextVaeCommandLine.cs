using System.CommandLine;
using System.CommandLine.Parsing;
using TextVae.Cli.Commands;
using TextVae.Runtime;

namespace TextVae.Cli;

/// <summary>
/// The <c>textvae</c> command tree and its error policy: errors are one line on stderr, exit code 2 for a
/// command line that does not parse (usage error), 1 for any other error, 130 after Ctrl+C.
/// </summary>
public static class TextVaeCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("TextVae: a variational autoencoder for sentences (train, sample, interpolate, paraphrase).");
        root.Options.Add(CommonOptions.Verbose);
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersionAction();
        root.Options.Add(CommonOptions.LibTorch);
        root.Options.Add(CommonOptions.LibTorchSharp);
        // Ordered as a user meets them: get a model, use it, measure it, then the tools.
        root.Subcommands.Add(QuickstartCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(SampleCommand.Create());
        root.Subcommands.Add(ReconstructCommand.Create());
        root.Subcommands.Add(InterpolateCommand.Create());
        root.Subcommands.Add(ParaphraseCommand.Create());
        root.Subcommands.Add(TuiCommand.Create());
        root.Subcommands.Add(ArithmeticCommand.Create());
        root.Subcommands.Add(EncodeCommand.Create());
        root.Subcommands.Add(NeighboursCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(CompressCommand.Create());
        root.Subcommands.Add(CompressCommand.CreateDecompress());
        root.Subcommands.Add(VocabCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(PlotCommand.Create());
        root.Subcommands.Add(InfoCommand.Create());
        return root;
    }

    public const int UsageErrorExitCode = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = Build();
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            // Ctrl+C must leave time to finish writing a checkpoint; commands observe the cancellation token.
            ProcessTerminationTimeout = null,
            // The default handler would print a TextVaeException as "Unhandled exception" with its stack trace.
            EnableDefaultExceptionHandler = false,
        };
        if (output is not null)
            configuration.Output = output;
        if (error is not null)
            configuration.Error = error;
        var stderr = error ?? Console.Error;
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would print its errors over several lines and the whole help after them.
            await stderr.WriteLineAsync($"textvae: error: {string.Join(" ", parse.Errors.Select(Describe))} (see '{CommandPath(parse.CommandResult)} --help')");
            return UsageErrorExitCode;
        }
        try
        {
            TorchRuntime.Configure(CommonOptions.LibTorchChoice(parse));
            return await parse.InvokeAsync(configuration);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("textvae: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            var verbose = parse.GetValue(CommonOptions.Verbose);
            await stderr.WriteLineAsync(e switch
            {
                TorchLoadException { Failure: TorchLoadFailure.MissingSymbols or TorchLoadFailure.VersionMismatch } =>
                    $"textvae: error: {e.Message} (bench/gpu/build-libtorchsharp.sh builds one; pass it with {CommonOptions.LibTorchSharp.Name})",
                InvalidParameterException invalid => $"textvae: error: {invalid.MessageNaming(FlagNames.For(invalid.Parameter))}",
                TextVaeException => $"textvae: error: {e.Message}",
                _ => $"textvae: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]}{(verbose ? "" : " (--verbose shows details)")}",
            });
            if (verbose)
                await stderr.WriteLineAsync(e.ToString());
            return 1;
        }
    }

    /// <summary>One line that names the option: "--device: Argument 'tpu' not recognized. Must be one of: 'auto' 'cpu' 'cuda'".</summary>
    private static string Describe(ParseError error)
    {
        var message = string.Join(' ', error.Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var option = error.SymbolResult switch
        {
            OptionResult result => result.Option.Name,
            ArgumentResult { Parent: OptionResult result } => result.Option.Name,
            _ => null,
        };
        return option is null || message.Contains(option, StringComparison.Ordinal) ? message : $"{option}: {message}";
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult current; result = current.Parent)
            names.Insert(0, current.Parent is null ? "textvae" : current.Command.Name);
        return string.Join(' ', names);
    }
}
