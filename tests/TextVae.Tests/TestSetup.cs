using System.Runtime.CompilerServices;
using TextVae.Runtime;

// libtorch's random generator and thread pool are process-wide: tests that seed it must not interleave,
// and with two cores parallel tests would only compete for the same threads.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace TextVae.Tests;

internal static class TestSetup
{
    [ModuleInitializer]
    internal static void LoadTorch()
    {
        // Terminal.Gui's drivers hang on a real terminal in tests without this.
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        TorchRuntime.EnsureLoaded();
    }
}
