using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Model;

/// <summary>The shape of the KL weight over training steps (see <see cref="KlAnnealingSchedule"/>).</summary>
[JsonConverter(typeof(SpelledEnumConverter<KlScheduleKind>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<KlScheduleKind>))]
public enum KlScheduleKind
{
    Constant,
    Linear,
    Logistic,
    Cyclical,
}
