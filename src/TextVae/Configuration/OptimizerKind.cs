using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Configuration;

/// <summary>The optimiser that updates the weights (<c>training.optimizer</c>).</summary>
[JsonConverter(typeof(SpelledEnumConverter<OptimizerKind>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<OptimizerKind>))]
public enum OptimizerKind
{
    Adam,
    /// <summary>Stochastic gradient descent with <see cref="TrainingOptions.Momentum"/>.</summary>
    Sgd,
}
