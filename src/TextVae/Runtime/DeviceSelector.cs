using TorchSharp;

namespace TextVae.Runtime;

/// <summary>Turns the user's device choice (auto, cpu or cuda) into a torch device, loading the native backend first.</summary>
public static class DeviceSelector
{
    public static torch.Device Resolve(DeviceChoice choice)
    {
        ConfigCheck.Defined(choice, "device");
        TorchRuntime.EnsureLoaded();
        return choice switch
        {
            DeviceChoice.Auto => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
            DeviceChoice.Cpu => torch.CPU,
            DeviceChoice.Cuda when torch.cuda.is_available() => torch.CUDA,
            _ => throw new InvalidParameterException("device", TorchRuntime.LibTorch.CudaLibrariesLoaded
                ? $": cuda: the CUDA libraries of {TorchRuntime.LibTorch.Directory} loaded, but no CUDA device is available (driver, or no GPU)"
                : $": cuda: no CUDA device is available; the libtorch in use ({TorchRuntime.LibTorch.Directory}) is a CPU build, so choose a CUDA libtorch folder such as PyTorch's torch/lib"),
        };
    }

    /// <summary>A short description for logs and the UI: "cpu (2 threads)" or "cuda:0 (1 device)".</summary>
    public static string Describe(torch.Device device)
    {
        if (device.type == DeviceType.CUDA)
            return $"cuda:{device.index} ({torch.cuda.device_count()} device(s))";
        var threads = torch.get_num_threads();
        return threads == 1 ? "cpu (1 thread)" : $"cpu ({threads} threads)";
    }
}
