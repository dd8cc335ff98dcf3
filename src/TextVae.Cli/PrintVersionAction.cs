using System.CommandLine;
using System.CommandLine.Invocation;

namespace TextVae.Cli;

/// <summary>
/// <c>--version</c> prints <see cref="TextVaeVersion.Current"/>: the library's version, which is the one stored in
/// checkpoints, rather than whichever program hosts the command line (a test runner, say).
/// </summary>
public sealed class PrintVersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(TextVaeVersion.Current);
        return 0;
    }
}
