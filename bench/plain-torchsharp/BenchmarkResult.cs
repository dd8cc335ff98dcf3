namespace PlainTorchSharp;

/// <summary>
/// The fields of bowman_vae.py's JSON line, in its order and under its names (snake case), so that a script reads
/// both alike; <c>TextvaeNativeSettings</c> is added: whether TextVae's glibc malloc and OpenMP settings are in force
/// (<see cref="NativeDefaults"/>), since they change this program's speed.
/// </summary>
public sealed record BenchmarkResult(
    double TokensPerSecond,     // target tokens (words plus <eos>, no padding) per second of the timed steps
    double MsPerStep,
    double CpuMsPerStep,        // process CPU time, all threads
    double PeakRssMb,
    int Threads,
    string Device,
    string Torch,
    string Cell,
    int Embedding,
    int Hidden,
    int Latent,
    int Batch,
    int MaxLen,
    int Vocab,
    double WordDropout,
    int Steps,
    int Warmup,
    int Sentences,
    long TimedTokens,
    double FinalRec,
    double FinalKl,
    string? OpenblasCoretype,
    string? OpenblasNumThreads,
    bool TextvaeNativeSettings);
