using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Configuration;

/// <summary>How the learning rate changes over a run (<c>training.learningRateSchedule</c>).</summary>
[JsonConverter(typeof(SpelledEnumConverter<LearningRateScheduleKind>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<LearningRateScheduleKind>))]
public enum LearningRateScheduleKind
{
    Constant,
    /// <summary>Multiplied by <see cref="TrainingOptions.PlateauFactor"/> when the validation ELBO stops improving.</summary>
    Plateau,
}
