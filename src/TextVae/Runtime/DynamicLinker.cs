using System.Runtime.InteropServices;

namespace TextVae.Runtime;

/// <summary>
/// glibc's dlopen family, for what <see cref="NativeLibrary"/> cannot ask for: binding every symbol at load time
/// (so a missing one is an error now, not a process exit at its first call), lookups by symbol version, and the
/// loader's own error text.
/// </summary>
public static class DynamicLinker
{
    private const int BindLazily = 0x1;
    private const int BindNow = 0x2;

    // The runtime binds a P/Invoke target on its first call, through the loader, which clears the loader's error
    // text: calling dlerror once here keeps the first failure's message from being lost that way.
    static DynamicLinker() => dlerror();

    /// <summary>Opens <paramref name="path"/>; on failure returns zero and the loader's message.</summary>
    public static IntPtr TryOpen(string path, bool bindNow, out string? error)
    {
        var handle = dlopen(path, bindNow ? BindNow : BindLazily);
        error = handle == IntPtr.Zero ? Marshal.PtrToStringAnsi(dlerror()) ?? "unknown loader error" : null;
        return handle;
    }

    /// <summary>The address of <paramref name="symbol"/> as seen from <paramref name="handle"/> (its own definitions, then its dependencies').</summary>
    public static IntPtr Find(IntPtr handle, string symbol) => dlsym(handle, symbol);

    public static IntPtr FindVersioned(IntPtr handle, string symbol, string version) => dlvsym(handle, symbol, version);

    [DllImport("libc.so.6", CharSet = CharSet.Ansi)]
    private static extern IntPtr dlopen(string path, int flags);

    [DllImport("libc.so.6")]
    private static extern IntPtr dlerror();

    [DllImport("libc.so.6", CharSet = CharSet.Ansi)]
    private static extern IntPtr dlsym(IntPtr handle, string symbol);

    [DllImport("libc.so.6", CharSet = CharSet.Ansi)]
    private static extern IntPtr dlvsym(IntPtr handle, string symbol, string version);
}
