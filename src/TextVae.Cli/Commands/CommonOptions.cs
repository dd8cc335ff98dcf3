using System.CommandLine;
using TextVae.Runtime;

namespace TextVae.Cli.Commands;

/// <summary>Options shared by several commands, defined once so their names and help agree everywhere.</summary>
public static class CommonOptions
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces and debug logging.",
        Recursive = true,
    };

    public static readonly Option<string?> LibTorch = new("--libtorch")
    {
        Description = $"Run on the libtorch in this folder (e.g. PyTorch's torch/lib, for CUDA) instead of the packaged CPU one; default ${LibTorchOptions.DirectoryVariable}.",
        HelpName = "DIR",
        Recursive = true,
    };

    public static readonly Option<string?> LibTorchSharp = new("--libtorchsharp")
    {
        Description = $"With --libtorch: a libLibTorchSharp.so built against that libtorch (bench/gpu/build-libtorchsharp.sh); default ${LibTorchOptions.LibTorchSharpFileVariable}.",
        HelpName = "FILE",
        Recursive = true,
    };

    /// <summary>The libtorch the command line chooses: its options over the environment variables.</summary>
    public static LibTorchOptions LibTorchChoice(ParseResult parse)
    {
        var environment = LibTorchOptions.FromEnvironment();
        return new LibTorchOptions(parse.GetValue(LibTorch) ?? environment.Directory, parse.GetValue(LibTorchSharp) ?? environment.LibTorchSharpFile);
    }

    public static ChoiceOption<DeviceChoice> Device() =>
        new("--device", "Where tensors live: auto (CUDA when available), cpu or cuda.", DeviceChoice.Auto);

    /// <summary>--threads of the benchmarks: libtorch's intra-op threads, 0 for its default.</summary>
    public static Option<int> Threads() =>
        new("--threads") { Description = "libtorch threads (0: its default).", DefaultValueFactory = _ => 0 };
}
