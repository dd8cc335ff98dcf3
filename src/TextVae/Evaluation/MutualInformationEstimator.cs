using System.Text.Json.Serialization;

namespace TextVae.Evaluation;

/// <summary>
/// Which sentences share the aggregate posterior q(z) = mean_x q(z|x) that I(x; z) is estimated against. Either
/// estimate is at most the log of the number of sentences averaged over: a larger set measures more information.
/// </summary>
[JsonConverter(typeof(SpelledEnumConverter<MutualInformationEstimator>))]
public enum MutualInformationEstimator
{
    /// <summary>q(z) over the whole data set, one z per sentence; bounded by log N.</summary>
    Aggregate,

    /// <summary>
    /// q(z) over each minibatch, averaged over batches weighted by their size, as He et al.'s published code
    /// (<c>calc_mi</c>) computes the numbers in their tables; bounded by log B.
    /// </summary>
    Minibatch,
}
