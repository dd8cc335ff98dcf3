using System.CommandLine;
using System.Reflection;
using TextVae.Runtime;
using TorchSharp;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae info</c>: versions of TorchSharp and libtorch, the device, and how the native library was loaded.</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var device = CommonOptions.Device();
        var command = new Command("info", "Show TorchSharp and libtorch versions and the device that commands would use.") { device };
        command.SetAction(parse =>
        {
            var resolved = DeviceSelector.Resolve(parse.GetValue(device)!);
            var output = parse.InvocationConfiguration.Output;
            var torchSharp = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
            output.WriteLine($"TextVae      {TextVaeVersion.Current}");
            output.WriteLine($"TorchSharp   {torchSharp}");
            output.WriteLine($"libtorch     {torch.__version__}");
            output.WriteLine($"device       {DeviceSelector.Describe(resolved)}");
            output.WriteLine($"cuda         {(torch.cuda.is_available() ? $"available, {torch.cuda.device_count()} device(s)" : "not available")}");
            output.WriteLine($"native       {TorchRuntime.PatchedLibraryPath ?? "packaged libLibTorchSharp.so (host libstdc++ is new enough)"}");
            if (TorchRuntime.PatchedLibraryPath is not null)
                output.WriteLine($"             (copy with {TorchRuntime.MissingVersion} marked weak: this host's libstdc++ predates GCC 13)");
            return 0;
        });
        return command;
    }
}
