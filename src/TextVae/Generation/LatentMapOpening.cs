namespace TextVae.Generation;

/// <summary>A map as opened: from the cache or freshly encoded, and why it could not be cached, if so.</summary>
/// <param name="CacheProblem">Null when the cache was read or written; otherwise why the next opening will encode again.</param>
public sealed record LatentMapOpening(LatentMap Map, bool FromCache, string CachePath, string? CacheProblem);
