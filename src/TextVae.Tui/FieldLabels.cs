namespace TextVae.Tui;

/// <summary>
/// The labels of the form fields, by the library's name for the parameter each one sets, so that an
/// <see cref="InvalidParameterException"/> names the field the user typed into ("Count must be greater than 0").
/// </summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> ByParameter = new()
    {
        ["count"] = "Count",
        ["seed"] = "Seed",
        ["steps"] = "Steps",
        ["radius"] = "Radius",
        ["strategy"] = "Strategy",
        ["temperature"] = "Temperature",
        ["topK"] = "Top-k",
        ["topP"] = "Top-p",
        ["beamWidth"] = "Beam width",
        ["maxLength"] = "Max length",
        ["checkpoint"] = "Checkpoint",
        ["device"] = "Device",
    };

    /// <summary>The field's label; a parameter without a field keeps the library's name.</summary>
    public static string Of(string parameter) => ByParameter.GetValueOrDefault(parameter, parameter);
}
