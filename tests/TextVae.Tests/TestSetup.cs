using System.Runtime.CompilerServices;
using TextVae.Runtime;

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
