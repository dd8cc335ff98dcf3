using System.Text.Json;
using System.Text.Json.Serialization;

namespace TextVae;

/// <summary>Reads and writes a closed choice as its <see cref="EnumSpelling"/>, so JSON files keep the words users know.</summary>
public sealed class SpelledEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
