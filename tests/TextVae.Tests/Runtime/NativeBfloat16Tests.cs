using TextVae.Configuration;
using TorchSharp;
using TextVae.Model;
using TextVae.Runtime;
using TextVae.Tests.Model;
using TextVae.Training;
using static TorchSharp.torch;

namespace TextVae.Tests.Runtime;

public sealed class NativeBfloat16Tests
{
    [Theory]
    [InlineData("flags\t\t: fpu vme avx512f avx512_bf16 avx512_vnni", true)]
    [InlineData("flags\t\t: fpu vme avx2 amx_bf16 amx_tile", true)]
    [InlineData("Features\t: fp asimd evtstrm aes bf16 i8mm", true)]
    [InlineData("flags\t\t: fpu vme avx512f avx512bw avx512_vnni", false)]
    [InlineData("model name\t: bf16 in a name is not a feature", false)]
    public void Reads_bfloat16_instructions_from_cpuinfo(string line, bool listed) =>
        Assert.Equal(listed, NativeBfloat16.ListedIn(["processor\t: 0", line, "bogomips\t: 4000"]));

    [Fact]
    public void Auto_projection_precision_resolves_for_the_device_before_the_model_sees_it()
    {
        using var trained = new TrainingModel(TinyBatches.Options(), new ObjectiveOptions(),
            new TrainingOptions { ProjectionPrecision = ProjectionPrecision.Auto }, CPU, null);

        var expected = NativeBfloat16.On(CPU) ? ProjectionPrecision.Bfloat16 : ProjectionPrecision.Float32;
        Assert.Equal(expected, trained.ProjectionPrecision);
        Assert.Equal(expected, trained.Model.TrainingProjection);
        Assert.False(NativeBfloat16.On(new Device(DeviceType.CUDA)), "a GPU's bfloat16 support cannot be asked, so auto keeps float32 there");
    }
}
