using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TextVae.Model;

/// <summary>How an LSTM or GRU encoder summarises a sentence in one vector.</summary>
[JsonConverter(typeof(SpelledEnumConverter<RnnSummary>))]
[TypeConverter(typeof(SpelledEnumTypeConverter<RnnSummary>))]
public enum RnnSummary
{
    /// <summary>The last layer's final hidden state of each direction.</summary>
    Final,
    /// <summary>
    /// The final state concatenated with the mean of the last layer's outputs over the real tokens: the mean holds
    /// every word at equal weight, where the final state of a forward reading has all but forgotten the first words.
    /// </summary>
    FinalAndMean,
}
