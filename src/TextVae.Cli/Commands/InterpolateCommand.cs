using System.CommandLine;
using TextVae.Generation;

namespace TextVae.Cli.Commands;

/// <summary><c>textvae interpolate "A" "B"</c>: the homotopy between two sentences' posterior means.</summary>
public static class InterpolateCommand
{
    public static Command Create()
    {
        var first = new Argument<string>("first") { Description = "The sentence the path starts from." };
        var second = new Argument<string>("second") { Description = "The sentence the path ends at." };
        var steps = new Option<int>("--steps") { Description = "Points decoded along the path, both ends included.", DefaultValueFactory = _ => 10 };
        var mode = new Option<string>("--mode") { Description = "linear (straight line) or slerp (great circle).", DefaultValueFactory = _ => "linear" };
        mode.AcceptOnlyFromAmong("linear", "slerp");
        var command = new Command("interpolate", "Decode evenly spaced points between two sentences' posterior means (Bowman et al. 2016); repeated sentences are shown once with their span.")
        {
            first, second, steps, mode,
        };
        var model = new ModelCommandOptions(command, seeded: true);
        var decoding = new DecodingCommandOptions(command);
        command.SetAction(parse =>
        {
            var options = decoding.Read(parse);
            using var generator = model.Load(parse);
            var seed = parse.GetValue(model.Seed);
            var path = parse.GetValue(mode) == "slerp" ? InterpolationPath.Slerp : InterpolationPath.Linear;
            var result = generator.Interpolate(parse.GetValue(first)!, parse.GetValue(second)!, parse.GetValue(steps), path, options, seed);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(model.Json))
            {
                GenerationOutput.WriteJson(output, "interpolate", generator, new[] { result.First, result.Second },
                    new { steps = result.Steps, mode = result.Mode, seed, decoding = options }, result.Points);
                return 0;
            }
            GenerationOutput.WriteInterpolation(output, result);
            return 0;
        });
        return command;
    }
}
