using System.Runtime.InteropServices;

namespace TextVae.Cli;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM, which Slurm and Kubernetes send before they stop a task, into a
/// cancellation the command observes between batches, so it can remove its unfinished output and exit with the
/// shell's code for the signal: 130 for SIGINT, 143 for SIGTERM.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private volatile int _signal;

    public Interruption()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>
    /// Runs <paramref name="body"/> with the signals turned into its cancellation token; when one arrives, says so
    /// on <paramref name="error"/> and returns 130 or 143. Outputs are written under temporary names until complete,
    /// so nothing unfinished is left under a final name.
    /// </summary>
    public static int Guard(TextWriter error, Func<CancellationToken, int> body)
    {
        using var interruption = new Interruption();
        try
        {
            return body(interruption.Token);
        }
        catch (OperationCanceledException) when (interruption.Token.IsCancellationRequested)
        {
            error.WriteLine($"textvae: stopped by {interruption.SignalName}; unfinished output was removed");
            return interruption.ExitCode;
        }
    }

    /// <summary>128 + the signal number, as a shell reports a process the signal ended.</summary>
    public int ExitCode => _signal == 0 ? 1 : 128 + _signal;

    /// <summary>SIGINT or SIGTERM, for the message.</summary>
    public string SignalName => _signal == SigTerm ? "SIGTERM" : "SIGINT";

    private const int SigInt = 2;
    private const int SigTerm = 15;

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // the command stops itself and cleans up
        _signal = context.Signal == PosixSignal.SIGTERM ? SigTerm : SigInt;
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _cancel.Dispose();
    }
}
