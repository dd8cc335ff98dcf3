using System.CommandLine;
using System.Reflection;
using TextVae.Runtime;
using TorchSharp;

namespace TextVae.Cli.Commands;

/// <summary>
/// <c>textvae info</c>: versions of TorchSharp and libtorch, which libtorch was loaded from where, CUDA and its
/// devices, and the device that commands would use. The libtorch lines come before the device is resolved so that
/// they are there to read when the device cannot be used.
/// </summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var device = CommonOptions.Device();
        var command = new Command("info", "Show TorchSharp and libtorch versions and the device that commands would use.") { device.Option };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var libtorch = TorchRuntime.LibTorch;
            var torchSharp = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
            output.WriteLine($"TextVae      {TextVaeVersion.Current}");
            output.WriteLine($"TorchSharp   {torchSharp} (its libLibTorchSharp.so is built for libtorch {libtorch.BuiltFor})");
            output.WriteLine($"libtorch     {libtorch.Version ?? "unknown version"} ({(libtorch.Version is null ? "" : "read from ")}{libtorch.VersionSource})");
            if (!libtorch.VersionMatches)
                output.WriteLine(libtorch.Version is null
                    ? $"             cannot be compared with {libtorch.BuiltFor}, the version TorchSharp's libLibTorchSharp.so is built for"
                    : $"             differs from {libtorch.BuiltFor}: it works only with a libLibTorchSharp.so built against it");
            output.WriteLine($"loaded from  {libtorch.Directory} ({(libtorch.External ? "chosen folder" : "packaged CPU libtorch")})");
            output.WriteLine($"native       {libtorch.LibTorchSharpPath}");
            if (TorchRuntime.PatchedLibraryPath is not null || (libtorch.External && !TorchRuntime.HostProvides(TorchRuntime.MissingVersion, TorchRuntime.MarkerSymbol)))
                output.WriteLine($"             (a copy with {TorchRuntime.MissingVersion} marked weak: this host's libstdc++ predates GCC 13)");
            WriteCuda(output);
            output.WriteLine(OpenMpWaitPolicy.Applied
                ? $"openmp       idle threads sleep ({OpenMpWaitPolicy.Variable}={OpenMpWaitPolicy.Passive}, docs/performance.md)"
                : "openmp       as the system set it (OMP_WAIT_POLICY or GOMP_SPINCOUNT given, or not Linux)");
            output.WriteLine(GlibcMallocTuning.Applied
                ? "malloc       glibc, large blocks kept in the heap between steps (docs/performance.md)"
                : "malloc       as the system set it (no glibc, or MALLOC_*/GLIBC_TUNABLES given)");
            output.WriteLine($"device       {DeviceSelector.Describe(DeviceSelector.Resolve(device.Read(parse)))}");
            return 0;
        });
        return command;
    }

    private static void WriteCuda(TextWriter output)
    {
        if (!torch.cuda.is_available())
        {
            output.WriteLine($"cuda         not available ({(TorchRuntime.LibTorch.CudaLibrariesLoaded ? "the CUDA libraries loaded, but no device or driver answered" : "the loaded libtorch has no CUDA libraries")})");
            return;
        }
        output.WriteLine($"cuda         available, {torch.cuda.device_count()} device(s), cuDNN {(torch.cuda.is_cudnn_available() ? "available" : "not available")}");
        var devices = TorchRuntime.DescribeCudaDevices(out var problem);
        if (devices is null)
            output.WriteLine($"gpu          names unknown: {problem}");
        foreach (var gpu in devices ?? [])
            output.WriteLine($"gpu {gpu.Index,-8} {gpu.Name}, {gpu.TotalMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB");
    }
}
