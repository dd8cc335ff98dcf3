namespace TextVae;

/// <summary>
/// A value the caller gave is not allowed. <see cref="Parameter"/> is the library's own name for it: a method
/// parameter or option property in camelCase (<c>count</c>, <c>topK</c>), or a configuration key in its dotted JSON
/// spelling (<c>training.epochs</c>). Each front end words the name for its users: a flag on the command line, a
/// field label in the terminal UI.
/// </summary>
public sealed class InvalidParameterException(string parameter, string problem)
    : TextVaeException(Join(parameter, problem))
{
    public string Parameter { get; } = parameter;

    /// <summary>What is wrong, to follow the parameter's name: "must be greater than 0 (got 0)".</summary>
    public string Problem { get; } = problem;

    /// <summary>The message with the parameter called <paramref name="name"/>, as a front end shows it.</summary>
    public string MessageNaming(string name) => Join(name, Problem);

    // "count must be ..." but "count: 'x' is not a whole number".
    private static string Join(string name, string problem) => problem.StartsWith(':') ? name + problem : $"{name} {problem}";
}
