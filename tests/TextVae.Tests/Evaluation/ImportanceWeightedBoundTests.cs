using TextVae.Evaluation;
using static TorchSharp.torch;

namespace TextVae.Tests.Evaluation;

/// <summary>
/// A linear-Gaussian model where log p(x) is known: z ~ N(0, 1), x | z ~ N(z, s²), so x ~ N(0, 1 + s²) and the exact
/// posterior is N(x / (1 + s²), s² / (1 + s²)).
/// </summary>
public class ImportanceWeightedBoundTests
{
    private const double NoiseVariance = 0.25;
    private static readonly double[] Observations = [-1.5, 0.0, 0.7, 2.0];

    private static Tensor LogLikelihood(Tensor z, Tensor x) => // z: [k, batch, 1] → [k, batch]
        -0.5 * ((x.unsqueeze(0) - z.squeeze(2)).pow(2) / NoiseVariance + Math.Log(2 * Math.PI * NoiseVariance));

    private static double[] Exact() =>
        Observations.Select(x => -0.5 * (x * x / (1 + NoiseVariance) + Math.Log(2 * Math.PI * (1 + NoiseVariance)))).ToArray();

    [Fact]
    public void With_the_exact_posterior_every_sample_count_gives_log_p_x()
    {
        using var scope = NewDisposeScope();
        var x = tensor(Observations, float64);
        var mu = (x / (1 + NoiseVariance)).unsqueeze(1);
        var logVar = full(Observations.Length, 1, Math.Log(NoiseVariance / (1 + NoiseVariance)), float64);

        foreach (var k in new[] { 1, 7, 50 })
        {
            var estimate = ImportanceWeightedBound.LogMarginal(mu, logVar, z => LogLikelihood(z, x), k, chunk: 16).data<double>().ToArray();
            Assert.Equal(Exact(), estimate, (a, b) => Math.Abs(a - b) < 1e-9);
        }
    }

    [Fact]
    public void With_a_poor_proposal_the_bound_tightens_towards_log_p_x_as_k_grows()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var x = tensor(Observations, float64);
        var mu = zeros(Observations.Length, 1, float64); // the prior as proposal
        var logVar = zeros(Observations.Length, 1, float64);
        var exact = Exact().Sum();

        double Mean(int k, int repeats) => Enumerable.Range(0, repeats)
            .Average(_ => ImportanceWeightedBound.LogMarginal(mu, logVar, z => LogLikelihood(z, x), k, chunk: 64).sum().item<double>());

        var one = Mean(1, 400);
        var ten = Mean(10, 100);
        var thousand = Mean(1000, 4);

        Assert.True(one < ten && ten < thousand, $"K=1 {one}, K=10 {ten}, K=1000 {thousand}");
        Assert.True(thousand <= exact + 0.02, $"K=1000 {thousand} above log p(x) {exact}");
        Assert.InRange(thousand, exact - 0.05, exact + 0.02);
    }
}
