using System.Runtime.InteropServices;
using System.Text;

namespace TextVae.Runtime;

/// <summary>A CUDA device as the CUDA runtime describes it.</summary>
public sealed record CudaDevice(int Index, string Name, long TotalMemoryBytes);

/// <summary>
/// Names and memory of the CUDA devices, asked of the CUDA runtime that libtorch_cuda.so loaded (TorchSharp 0.107
/// exposes neither). Uses cudaGetDeviceProperties, which fills a cudaDeviceProp whose first fields have kept one
/// layout since CUDA 10: char name[256]; cudaUUID_t uuid (16 bytes); char luid[8]; unsigned luidDeviceNodeMask;
/// size_t totalGlobalMem (at byte 288 after alignment).
/// </summary>
public static class CudaDevices
{
    private const int NameLength = 256;
    private const int TotalGlobalMemOffset = 288;
    // Larger than any cudaDeviceProp so far (about 1 KB), so a newer runtime never writes past it.
    private const int PropertiesBufferSize = 16384;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetDeviceCount(out int count);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int GetDeviceProperties([Out] byte[] properties, int device);

    /// <summary>The devices, or null with a reason when the CUDA runtime's functions cannot be reached from <paramref name="libtorchCuda"/>.</summary>
    internal static IReadOnlyList<CudaDevice>? Describe(IntPtr libtorchCuda, out string? problem)
    {
        problem = null;
        var count = DynamicLinker.Find(libtorchCuda, "cudaGetDeviceCount");
        // CUDA 12 renamed the function behind the header's name to _v2; older runtimes only have the plain one.
        var properties = DynamicLinker.Find(libtorchCuda, "cudaGetDeviceProperties_v2") is var v2 && v2 != IntPtr.Zero
            ? v2
            : DynamicLinker.Find(libtorchCuda, "cudaGetDeviceProperties");
        if (count == IntPtr.Zero || properties == IntPtr.Zero)
        {
            problem = "the CUDA runtime's cudaGetDeviceCount/cudaGetDeviceProperties are not visible from libtorch_cuda.so";
            return null;
        }
        var status = Marshal.GetDelegateForFunctionPointer<GetDeviceCount>(count)(out var devices);
        if (status != 0)
        {
            problem = $"cudaGetDeviceCount failed with CUDA error {status}";
            return null;
        }
        var result = new List<CudaDevice>(devices);
        var describe = Marshal.GetDelegateForFunctionPointer<GetDeviceProperties>(properties);
        for (var device = 0; device < devices; device++)
        {
            var buffer = new byte[PropertiesBufferSize];
            status = describe(buffer, device);
            if (status != 0)
            {
                problem = $"cudaGetDeviceProperties({device}) failed with CUDA error {status}";
                return null;
            }
            var name = buffer.AsSpan(0, NameLength);
            var end = name.IndexOf((byte)0);
            result.Add(new CudaDevice(device, Encoding.UTF8.GetString(end >= 0 ? name[..end] : name), BitConverter.ToInt64(buffer, TotalGlobalMemOffset)));
        }
        return result;
    }
}
