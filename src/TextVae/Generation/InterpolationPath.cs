using System.Text.Json.Serialization;

namespace TextVae.Generation;

/// <summary>
/// The path between two latent codes: a straight line, or the great circle (slerp, White 2016). Not called
/// InterpolationMode, which <c>using static TorchSharp.torch</c> already brings.
/// </summary>
[JsonConverter(typeof(SpelledEnumConverter<InterpolationPath>))]
public enum InterpolationPath
{
    Linear,
    Slerp,
}
