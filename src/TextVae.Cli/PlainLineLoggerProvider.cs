using Microsoft.Extensions.Logging;

namespace TextVae.Cli;

/// <summary>Writes each log entry as <c>HH:mm:ss message</c>, with the exception's type and message in verbose mode.</summary>
public sealed class PlainLineLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new PlainLineLogger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var prefix = level >= LogLevel.Warning ? $"{level.ToString().ToLowerInvariant()}: " : "";
        lock (_gate)
        {
            writer.WriteLine($"{DateTime.Now:HH:mm:ss} {prefix}{message}");
            if (exception is not null)
                writer.WriteLine(exception.ToString());
            writer.Flush();
        }
    }

    private sealed class PlainLineLogger(PlainLineLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Write(logLevel, formatter(state, exception), exception);
    }
}
