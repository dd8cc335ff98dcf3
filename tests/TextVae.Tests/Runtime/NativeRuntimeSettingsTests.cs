using TextVae.Runtime;
using TextVae.Tests.Cli;

namespace TextVae.Tests.Runtime;

[Trait("Category", "Slow")]
public class NativeRuntimeSettingsTests
{
    [Fact]
    public void The_tuning_is_applied_on_linux_unless_the_user_set_malloc_through_the_environment()
    {
        TorchRuntime.EnsureLoaded();
        var userChose = Environment.GetEnvironmentVariables().Keys.Cast<string>().Any(name => name.StartsWith("MALLOC_", StringComparison.Ordinal))
            || Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is not null;
        Assert.Equal(OperatingSystem.IsLinux() && !userChose, GlibcMallocTuning.Applied);

        var info = CliProcess.StartInfo(Environment.CurrentDirectory, "info", "--device", "cpu");
        info.Environment["MALLOC_ARENA_MAX"] = "2";
        var withUserSetting = CliProcess.Run(info, TimeSpan.FromMinutes(1));

        Assert.Equal(0, withUserSetting.ExitCode);
        Assert.Contains("malloc       as the system set it", withUserSetting.Output);
    }

    [Fact]
    public void Idle_openmp_threads_sleep_unless_the_user_chose_a_wait_policy()
    {
        var byDefault = CliProcess.StartInfo(Environment.CurrentDirectory, "info", "--device", "cpu");
        byDefault.Environment.Remove(OpenMpWaitPolicy.Variable);
        byDefault.Environment.Remove("GOMP_SPINCOUNT");
        var chosen = CliProcess.StartInfo(Environment.CurrentDirectory, "info", "--device", "cpu");
        chosen.Environment[OpenMpWaitPolicy.Variable] = "ACTIVE";

        var defaultOutput = CliProcess.Run(byDefault, TimeSpan.FromMinutes(1)).Output;
        var chosenOutput = CliProcess.Run(chosen, TimeSpan.FromMinutes(1)).Output;

        Assert.Contains($"openmp       idle threads sleep ({OpenMpWaitPolicy.Variable}={OpenMpWaitPolicy.Passive}", defaultOutput);
        Assert.Contains("openmp       as the system set it", chosenOutput);
    }
}
