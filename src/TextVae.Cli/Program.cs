using TextVae.Cli;

return await TextVaeCommandLine.RunAsync(args);
