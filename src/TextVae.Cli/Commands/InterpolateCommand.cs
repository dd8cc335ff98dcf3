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
        var mode = new ChoiceOption<InterpolationPath>("--mode", "linear (straight line) or slerp (great circle).", InterpolationPath.Linear);
        var command = new Command("interpolate", "Decode evenly spaced points between two sentences' posterior means (Bowman et al. 2016); repeated sentences are shown once with their span.")
        {
            first, second, steps, mode.Option,
        };
        var generation = new GenerationCommandOptions(command);
        command.SetAction(parse => generation.Run(parse, (generator, options, seed) =>
        {
            var result = generator.Interpolate(parse.GetValue(first)!, parse.GetValue(second)!, parse.GetValue(steps), mode.Read(parse), options, seed);
            return new GenerationReport(new[] { result.First, result.Second },
                new { steps = result.Steps, mode = result.Mode, seed, decoding = options }, result.Points,
                output => GenerationOutput.WriteInterpolation(output, result));
        }));
        return command;
    }
}
