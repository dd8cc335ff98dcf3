using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TextVae.Plotting;
using TextVae.Training;

namespace TextVae.Cli.Commands;

/// <summary>
/// <c>textvae train</c>: runs training as a hosted service, so Ctrl+C (SIGINT) and SIGTERM reach the trainer
/// through the host's stopping token and the trainer saves a checkpoint before the process exits.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Configuration file (configs/NAME.json); optional with --resume." };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a configuration value, e.g. --set data.batchSize=64 (repeatable); with --resume only the run's length, logging, saving and threads, e.g. --set training.epochs=12.",
            AllowMultipleArgumentsPerToken = false,
        };
        var train = new Option<string?>("--train") { Description = "Training corpus (UTF-8, one sentence per line); overrides data.train." };
        var valid = new Option<string?>("--valid") { Description = "Validation corpus; overrides data.valid." };
        var output = new Option<string?>("--out") { Description = "Run folder for checkpoints, metrics and curves (default runs/CONFIG-NAME)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint, also one that finished, when --set raises its limit." };
        var device = CommonOptions.Device();
        var command = new Command("train", "Train a sentence VAE.") { config, set, train, valid, output, resume, device.Option };
        command.SetAction(async (parse, _) =>
        {
            var request = new TrainingRequest
            {
                ConfigPath = parse.GetValue(config),
                Overrides = parse.GetValue(set) ?? [],
                TrainCorpus = parse.GetValue(train),
                ValidCorpus = parse.GetValue(valid),
                RunFolder = parse.GetValue(output),
                Resume = parse.GetValue(resume),
                Device = device.Read(parse),
            };
            return await RunHostedAsync(request, parse.GetValue(CommonOptions.Verbose));
        });
        return command;
    }

    public static async Task<int> RunHostedAsync(TrainingRequest request, bool verbose)
    {
        // Validate everything before the host starts, so configuration errors are one line, not a host crash.
        using var session = TrainingSession.Prepare(request, ConsoleLogging.CreateFactory(verbose));
        TrainingCurvePlot.RedrawAfterEachValidation(session);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(session);
        builder.Services.AddHostedService<TrainingWorker>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMinutes(5));
        builder.Logging.ClearProviders();
        using var host = builder.Build();
        await host.RunAsync();
        if (session.Error is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(session.Error);
        return session.Outcome switch
        {
            TrainingOutcome.Interrupted => 130,
            TrainingOutcome.Failed => 1,
            _ => 0,
        };
    }
}
