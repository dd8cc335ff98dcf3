namespace TextVae;

/// <summary>Validation checks for configuration records; each failure names the field as it is spelt in the JSON file.</summary>
public static class ConfigCheck
{
    public static void Positive(double value, string field)
    {
        if (!(value > 0))
            throw new TextVaeException($"{field} must be greater than 0 (got {value})");
    }

    public static void NotNegative(double value, string field)
    {
        if (!(value >= 0))
            throw new TextVaeException($"{field} must not be negative (got {value})");
    }

    public static void InRange(double value, double low, double high, string field)
    {
        if (!(value >= low && value <= high))
            throw new TextVaeException($"{field} must be between {low} and {high} (got {value})");
    }

    public static void OneOf(string? value, string field, params string[] allowed)
    {
        if (value is null || !allowed.Contains(value))
            throw new TextVaeException($"{field} must be one of {string.Join(", ", allowed)} (got '{value}')");
    }

    public static void NotEmpty(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new TextVaeException($"{field} must be set");
    }
}
