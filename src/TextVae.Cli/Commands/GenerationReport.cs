namespace TextVae.Cli.Commands;

/// <summary>A generation command's result, as the parts of its JSON document and as the text it prints otherwise.</summary>
public sealed record GenerationReport(object Inputs, object Settings, object Outputs, Action<TextWriter> WriteText);
