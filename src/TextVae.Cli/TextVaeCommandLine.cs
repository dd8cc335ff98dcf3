using System.CommandLine;
using TextVae.Cli.Commands;

namespace TextVae.Cli;

/// <summary>The <c>textvae</c> command tree and its error policy: user errors are one line on stderr, exit code 1.</summary>
public static class TextVaeCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("TextVae: a variational autoencoder for sentences (train, sample, interpolate, paraphrase).");
        root.Options.Add(CommonOptions.Verbose);
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(VocabCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(TuiCommand.Create());
        return root;
    }

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
        try
        {
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
            await stderr.WriteLineAsync(e is TextVaeException
                ? $"textvae: error: {e.Message}"
                : $"textvae: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]}{(verbose ? "" : " (--verbose shows details)")}");
            if (verbose)
                await stderr.WriteLineAsync(e.ToString());
            return 1;
        }
    }
}
