namespace TextVae.Tui;

/// <summary>What the status line shows about the newest request: under way, done (with its time) or failed.</summary>
public sealed record WorkerReport(string Message, bool Busy, bool Failed);
