namespace TextVae.Tui;

/// <summary>One line for the status line: a user error's own message, or the kind and first line of anything else (no stack trace).</summary>
public static class ErrorText
{
    public static string Of(Exception e) => e switch
    {
        InvalidParameterException invalid => invalid.MessageNaming(FieldLabels.Of(invalid.Parameter)),
        TextVaeException => e.Message,
        _ => $"internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]}",
    };
}
