using System.Runtime.InteropServices;

namespace TextVae.Runtime;

/// <summary>
/// libtorch's CPU kernels run on libgomp, whose idle threads by default spin for a while after each parallel region,
/// waiting for the next. When the cores are shared (other processes, or the terminal UI's own threads) the spinning
/// threads take the CPU from the one doing the work: on the 2-core reference machine at a load average near 6,
/// <c>bench train</c> on two threads ran 3 to 4 times faster with idle threads sleeping at once
/// (<c>OMP_WAIT_POLICY=PASSIVE</c>). libgomp reads the setting once, when it is loaded, so it must be in the C
/// environment before libtorch loads; .NET's own environment block does not reach native code on Unix, hence
/// <c>setenv</c>. A user's own <c>OMP_WAIT_POLICY</c> or <c>GOMP_SPINCOUNT</c> is left alone.
/// </summary>
public static class OpenMpWaitPolicy
{
    public const string Variable = "OMP_WAIT_POLICY";
    public const string Passive = "PASSIVE";

    /// <summary>Whether this process set the policy (false when the user chose one, or off Linux).</summary>
    public static bool Applied { get; private set; }

    /// <summary>Idempotent; call before libtorch is loaded, or it has no effect.</summary>
    public static void Apply()
    {
        if (Applied || !OperatingSystem.IsLinux()
            || Environment.GetEnvironmentVariable(Variable) is not null || Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") is not null)
            return;
        try
        {
            Applied = setenv(Variable, Passive, 0) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            Applied = false;
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
