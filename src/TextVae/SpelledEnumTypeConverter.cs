using System.ComponentModel;
using System.Globalization;

namespace TextVae;

/// <summary>
/// Reads a closed choice from configuration (files, environment, <c>--set</c>) by its <see cref="EnumSpelling"/>, so
/// "top-k" binds to <c>TopK</c>; a number or a list of members, which the binder's default enum reading accepts, is
/// not a choice.
/// </summary>
public sealed class SpelledEnumTypeConverter<T>() : EnumConverter(typeof(T)) where T : struct, Enum
{
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? EnumSpelling.TryParse<T>(text.Trim(), out var member) ? member : throw new FormatException($"'{text}' is not one of {string.Join(", ", EnumSpelling.Names<T>())}")
            : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is T member ? EnumSpelling.Of(member) : base.ConvertTo(context, culture, value, destinationType);
}
