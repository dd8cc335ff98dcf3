namespace TextVae.Runtime;

/// <summary>TorchSharp's native library cannot be used on this host; the message is one line for the user.</summary>
public sealed class TorchLoadException(string message, TorchLoadFailure failure = TorchLoadFailure.Unloadable) : TextVaeException(message)
{
    public TorchLoadFailure Failure { get; } = failure;
}
