namespace TextVae;

/// <summary>
/// Validation checks for options and arguments; each failure is an <see cref="InvalidParameterException"/> naming the
/// parameter as the library spells it (a configuration field as in the JSON file).
/// </summary>
public static class ConfigCheck
{
    public static void Positive(double value, string field)
    {
        if (!(value > 0))
            throw new InvalidParameterException(field, $"must be greater than 0 (got {value})");
    }

    public static void NotNegative(double value, string field)
    {
        if (!(value >= 0))
            throw new InvalidParameterException(field, $"must not be negative (got {value})");
    }

    public static void InRange(double value, double low, double high, string field)
    {
        if (!(value >= low && value <= high))
            throw new InvalidParameterException(field, $"must be between {low} and {high} (got {value})");
    }

    /// <summary>Rejects a value outside the enum's members, such as a number cast to it in code.</summary>
    public static void Defined<T>(T value, string field) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw Undefined(value, field);
    }

    public static InvalidParameterException Undefined<T>(T value, string field) where T : struct, Enum =>
        new(field, $"must be one of {string.Join(", ", EnumSpelling.Names<T>())} (got '{value}')");

    public static void NotEmpty(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidParameterException(field, "must be set");
    }
}
