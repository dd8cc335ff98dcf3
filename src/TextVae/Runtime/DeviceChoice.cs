using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Runtime;

/// <summary>Where tensors live, as the user asks for it; <see cref="DeviceSelector"/> turns it into a torch device.</summary>
[JsonConverter(typeof(SpelledEnumConverter<DeviceChoice>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<DeviceChoice>))]
public enum DeviceChoice
{
    /// <summary>CUDA when a device is available, else the CPU.</summary>
    Auto,
    Cpu,
    Cuda,
}
