using System.Diagnostics;
using System.Text.Json;
using TextVae.Decoding;
using TextVae.Generation;
using TextVae.Interop;
using TextVae.Tests.Cli;
using static TorchSharp.torch;

namespace TextVae.Tests.Interop;

/// <summary>
/// src/python's own tests (pytest) on exports written here: a trained tiny word-level GRU model and a tiny BPE LSTM
/// model that uses every latent-path setting (reversed input, final-and-mean summary, z in the output layer, BN-VAE), each with the C# NLL and greedy decodes of some sentences for Python to match within 1e-4.
/// </summary>
[Collection(TinyModelCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PythonPackageTests(TinyModel tiny) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly TemporaryDirectory _directory = new();

    [DebianPythonFact]
    public void Pytest_matches_the_csharp_nll_and_greedy_decodes()
    {
        var exports = Directory.CreateDirectory(_directory.File("exports")).FullName;
        var bpe = TinyModel.Train(TinyModel.Request(_directory.File("bpe"),
            "tokenizer.kind=bpe", "tokenizer.size=300", "model.encoder=lstm", "model.decoder=lstm", "training.maxSteps=20",
            "model.reverseEncoderInput=true", "model.rnnSummary=finalAndMean", "model.latentToOutput=true", "model.latentBatchNormScale=0.7")).Last;
        var sentences = File.ReadLines(tiny.ValidCorpus).Take(12)
            .Concat(["  Straße, café  and naïve — “quoted” text ", "ΣΊΣΥΦΟΣ İstanbul", "a-very-long-hyphenated-word 3.14159 %$#"])
            .ToArray();
        Export(tiny.Checkpoint, Path.Combine(exports, "word-gru"), sentences);
        Export(bpe, Path.Combine(exports, "bpe-lstm"), sentences);

        var info = new ProcessStartInfo(DebianPythonFactAttribute.Python)
        {
            WorkingDirectory = RepositoryFiles.Get("src/python"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"])
            info.ArgumentList.Add(arg);
        info.Environment["PYTHONPATH"] = RepositoryFiles.Get("src/python");
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        info.Environment["TEXTVAE_PARITY_EXPORTS"] = exports;
        var result = CliProcess.Run(info, TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, $"pytest failed ({result.ExitCode}):\n{result.Output}\n{result.Error}");
        Assert.Contains("6 passed", result.Output); // three tests on each export: none skipped
    }

    /// <summary>Exports the checkpoint and writes beside it what C# computes for each sentence.</summary>
    private static void Export(string checkpoint, string directory, IReadOnlyList<string> sentences)
    {
        ModelExport.Write(checkpoint, directory);
        using var generator = TextGenerator.Load(checkpoint, CPU);
        var codes = generator.Encode(sentences);
        var nll = generator.ReconstructionNll(codes);
        var decoded = generator.Decode(codes.Select(code => code.Mean).ToList(), new DecodingOptions());
        var expected = codes.Select((code, i) => new
        {
            Sentence = sentences[i],
            Tokens = code.Input.Ids.Length,
            Nll = nll[i],
            Decoded = decoded[i].Text,
            DecodedLogProbability = decoded[i].LogProbability,
        });
        File.WriteAllText(Path.Combine(directory, "expected.json"), JsonSerializer.Serialize(expected, Json));
    }

    public void Dispose() => _directory.Dispose();
}
