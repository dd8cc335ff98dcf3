// The plain TorchSharp baseline: bench/pytorch/bowman_vae.py's model, data and training step written as a TorchSharp
// user would, measured the same way (see README.md).
// usage: dotnet plain-torchsharp.dll --corpus corpora/brown/train.txt --max-len 60 --steps 40 --warmup 10 --threads 2 --json
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PlainTorchSharp;
using TextVae.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.utils.rnn;
using F = TorchSharp.torch.nn.functional;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchmarkArguments.Usage);
    return 0;
}
BenchmarkArguments a;
Corpus corpus;
try
{
    a = BenchmarkArguments.Parse(args);
    if (!a.TextVaeNativeSettings)
        NativeDefaults.Keep();
    TorchRuntime.EnsureLoaded(); // TorchSharp's native library on Debian 12
    corpus = Corpus.Load(a.Corpus, a.Sentences, a.MaxLength, a.Vocabulary);
}
catch (ArgumentException e) when (e is not DecoderFallbackException)
{
    Console.Error.WriteLine($"{BenchmarkArguments.Usage}\nplain-torchsharp: error: {e.Message}");
    return 2;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or TorchLoadException)
{
    Console.Error.WriteLine($"plain-torchsharp: error: {e.Message}");
    return 1;
}
if (NativeDefaults.TextVaeSettingsApplied != a.TextVaeNativeSettings)
{
    Console.Error.WriteLine($"plain-torchsharp: error: TextVae's native settings are {(a.TextVaeNativeSettings ? "off" : "on")}, not as asked: GLIBC_TUNABLES, MALLOC_*, OMP_WAIT_POLICY or GOMP_SPINCOUNT in the environment decide");
    return 1;
}
if (corpus.Sentences.Count < a.Batch)
{
    Console.Error.WriteLine($"plain-torchsharp: error: corpus has {corpus.Sentences.Count} sentences, fewer than one batch");
    return 1;
}

torch.set_num_threads(a.Threads);
torch.manual_seed(a.Seed);
var device = torch.device(a.Device);
var vocab = corpus.VocabularySize;
using var model = new SentenceVae(vocab, a.Cell, a.Embedding, a.Hidden, a.Latent, a.WordDropout);
model.to(device);
using var opt = torch.optim.Adam(model.parameters(), lr: 1e-3);
model.train();

using var stream = corpus.RandomBatches(a.Batch, a.Seed).GetEnumerator();
long tokens = 0;
var clock = new Stopwatch();
var cpuStart = TimeSpan.Zero;
double finalRec = double.NaN, finalKl = double.NaN;
for (var step = 0; step < a.Warmup + a.Steps; step++)
{
    if (step == a.Warmup)
    {
        tokens = 0;
        clock.Start();
        cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    }
    using var scope = torch.NewDisposeScope();
    stream.MoveNext();
    var sents = stream.Current;
    var lengthsOnHost = sents.Select(s => s.shape[0]).ToArray();
    var lengths = torch.tensor(lengthsOnHost);                  // [batch], on the CPU as packing wants
    var encIn = pad_sequence(sents, batch_first: true, padding_value: Corpus.Pad).to(device);     // [batch, seq]
    var decIn = pad_sequence(sents.Select(s => F.pad(s, [1, 0], value: Corpus.Bos)), batch_first: true, padding_value: Corpus.Pad).to(device);
    var target = pad_sequence(sents.Select(s => F.pad(s, [0, 1], value: Corpus.Eos)), batch_first: true, padding_value: Corpus.Pad).to(device);

    var (logits, mu, logvar) = model.call(encIn, lengths, decIn);  // logits [batch, seq + 1, vocab]
    var rec = F.cross_entropy(logits.reshape(-1, vocab), target.reshape(-1),
        ignore_index: Corpus.Pad, reduction: Reduction.Sum) / a.Batch;
    var kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / a.Batch;
    var klWeight = 1.0 / (1.0 + Math.Exp(-0.0025 * (step - 2500)));
    var loss = rec + klWeight * kl;

    opt.zero_grad();
    loss.backward();
    torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0);
    opt.step();
    tokens += lengthsOnHost.Sum() + a.Batch;                    // w1..wn plus <eos>
    if (step == a.Warmup + a.Steps - 1)
        (finalRec, finalKl) = (rec.item<float>(), kl.item<float>());
}
var elapsed = clock.Elapsed.TotalSeconds;
var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;

var result = new BenchmarkResult(
    TokensPerSecond: Math.Round(tokens / elapsed, 1),
    MsPerStep: Math.Round(1000 * elapsed / a.Steps, 2),
    CpuMsPerStep: Math.Round(1000 * cpu / a.Steps, 2),
    PeakRssMb: Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
    Threads: torch.get_num_threads(),
    Device: a.Device,
    Torch: $"TorchSharp {typeof(torch).Assembly.GetName().Version?.ToString(3)}, libtorch {torch.__version__}",
    Cell: a.Cell.ToString().ToLowerInvariant(),
    Embedding: a.Embedding, Hidden: a.Hidden, Latent: a.Latent, Batch: a.Batch, MaxLen: a.MaxLength, Vocab: vocab,
    WordDropout: a.WordDropout, Steps: a.Steps, Warmup: a.Warmup, Sentences: corpus.Sentences.Count,
    TimedTokens: tokens,
    FinalRec: Math.Round(finalRec, 4),
    FinalKl: Math.Round(finalKl, 4),
    OpenblasCoretype: Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE"),
    OpenblasNumThreads: Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS"),
    TextvaeNativeSettings: NativeDefaults.TextVaeSettingsApplied);

var json = JsonSerializer.SerializeToElement(result, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
if (a.Json)
    Console.WriteLine(json.GetRawText());
else
    foreach (var field in json.EnumerateObject())
        Console.WriteLine($"{field.Name,-20} {field.Value}");
return 0;
