using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Model;

/// <summary>
/// The number format of the output projection (hidden → vocabulary logits) while training. That projection is most
/// of a step's arithmetic, and on CPUs with bfloat16 instructions (and on GPUs) it runs about twice as fast in
/// bfloat16; the softmax, the loss and the weights stay float32. Evaluation, validation and generation always
/// compute in float32.
/// </summary>
[JsonConverter(typeof(SpelledEnumConverter<ProjectionPrecision>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<ProjectionPrecision>))]
public enum ProjectionPrecision
{
    /// <summary>Exact: the same arithmetic as evaluation.</summary>
    Float32,

    /// <summary>Inputs and weights rounded to bfloat16 (8-bit mantissa), products summed in float32, logits returned as float32.</summary>
    Bfloat16,

    /// <summary>
    /// <see cref="Bfloat16"/> where the training device has bfloat16 instructions, otherwise <see cref="Float32"/>:
    /// without them bfloat16 is emulated, and slower than float32.
    /// </summary>
    Auto,
}
