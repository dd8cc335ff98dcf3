using System.CommandLine;
using TextVae.Runtime;

namespace TextVae.Cli.Commands;

/// <summary>Options shared by several commands, defined once so their names and help agree everywhere.</summary>
public static class CommonOptions
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces and debug logging.",
        Recursive = true,
    };

    public static Option<string> Device()
    {
        var option = new Option<string>("--device")
        {
            Description = "Where tensors live: auto (CUDA when available), cpu or cuda.",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong(DeviceSelector.Choices);
        return option;
    }
}
