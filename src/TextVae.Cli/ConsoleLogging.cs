using Microsoft.Extensions.Logging;

namespace TextVae.Cli;

/// <summary>
/// Plain, timestamped log lines on standard error: readable in a terminal and in a CI log alike, where
/// progress bars print nothing. Standard output stays free for results and <c>--json</c>.
/// </summary>
public static class ConsoleLogging
{
    public static ILoggerFactory CreateFactory(bool verbose) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information)
            .AddProvider(new PlainLineLoggerProvider(Console.Error)));
}
