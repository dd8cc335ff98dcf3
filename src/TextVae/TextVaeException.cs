namespace TextVae;

/// <summary>An error caused by the user's input or environment, reported to the user as one line without a stack trace.</summary>
public class TextVaeException(string message, Exception? inner = null) : Exception(message, inner);
