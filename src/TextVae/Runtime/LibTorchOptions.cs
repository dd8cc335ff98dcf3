namespace TextVae.Runtime;

/// <summary>
/// Which libtorch TorchSharp runs on. Without a directory, the CPU libtorch packaged with the application;
/// with one, an existing installation such as PyTorch's <c>torch/lib</c> (CUDA included when it has it).
/// </summary>
/// <param name="Directory">Folder holding libc10.so, libtorch_cpu.so and libtorch.so (and libtorch_cuda.so for CUDA).</param>
/// <param name="LibTorchSharpFile">A libLibTorchSharp.so built against that libtorch, instead of the packaged one (built for 2.10).</param>
public sealed record LibTorchOptions(string? Directory = null, string? LibTorchSharpFile = null)
{
    public const string DirectoryVariable = "TEXTVAE_LIBTORCH";
    public const string LibTorchSharpFileVariable = "TEXTVAE_LIBTORCHSHARP";

    public static LibTorchOptions FromEnvironment() =>
        new(NonEmpty(Environment.GetEnvironmentVariable(DirectoryVariable)), NonEmpty(Environment.GetEnvironmentVariable(LibTorchSharpFileVariable)));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
