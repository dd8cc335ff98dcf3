using TextVae.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace TextVae.Tests.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void Libtorch_is_loaded_and_computes()
    {
        TorchRuntime.EnsureLoaded();
        using var sum = tensor(new float[] { 1, 2, 3 }).sum();
        Assert.Equal(6f, sum.item<float>());
        Assert.Equal(TorchRuntime.HostProvides(TorchRuntime.MissingVersion, TorchRuntime.MarkerSymbol), TorchRuntime.PatchedLibraryPath is null);
    }

    [Fact]
    public void The_cpu_device_is_always_available_and_unknown_choices_are_named_in_the_error()
    {
        Assert.Equal(DeviceType.CPU, DeviceSelector.Resolve("cpu").type);
        var error = Assert.Throws<TextVaeException>(() => DeviceSelector.Resolve("tpu"));
        Assert.Contains("--device", error.Message);
    }
}
