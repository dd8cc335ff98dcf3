namespace TextVae.Compression;

/// <summary>How the latent code enters the compressed stream.</summary>
public enum LatentCoding
{
    /// <summary>Bits back (Townsend et al. 2019): z is decoded from the stream under q(z|x) and coded under the prior, costing about −ELBO.</summary>
    BitsBack = 0,

    /// <summary>z fixed at the prior mean, the decoder used as a plain language model; nothing is spent on z.</summary>
    PriorMean = 1,
}
