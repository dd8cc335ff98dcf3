using TorchSharp;
using static TorchSharp.torch;

namespace TextVae.Runtime;

/// <summary>
/// Whether a device multiplies bfloat16 matrices with its own instructions. Where it does not, libtorch converts
/// the operands and computes in float32, which is slower than float32 alone, so bfloat16 only pays where this holds.
/// CPUs are asked through Linux's <c>/proc/cpuinfo</c> (x86 AVX-512 BF16 or AMX, Arm's BF16 extension). CUDA
/// devices answer false: TorchSharp does not report a GPU's compute capability, and bfloat16 tensor cores start at
/// 8.0, so on a GPU it is the user's choice.
/// </summary>
public static class NativeBfloat16
{
    private static readonly string[] CpuFeatures = ["avx512_bf16", "amx_bf16", "bf16"];
    private static readonly Lazy<bool> Cpu = new(CpuHasBfloat16Instructions);

    public static bool On(Device device) => device.type == DeviceType.CPU && Cpu.Value;

    /// <summary>Whether <c>/proc/cpuinfo</c>'s feature lines (x86 "flags", Arm "Features") name a bfloat16 instruction set.</summary>
    public static bool ListedIn(IEnumerable<string> cpuinfoLines) =>
        cpuinfoLines
            .Where(line => line.StartsWith("flags", StringComparison.Ordinal) || line.StartsWith("Features", StringComparison.Ordinal))
            .Any(line => line.Split([' ', '\t', ':'], StringSplitOptions.RemoveEmptyEntries).Intersect(CpuFeatures).Any());

    private static bool CpuHasBfloat16Instructions()
    {
        try
        {
            return ListedIn(File.ReadLines("/proc/cpuinfo"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
