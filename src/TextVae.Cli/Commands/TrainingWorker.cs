using Microsoft.Extensions.Hosting;
using TextVae.Training;

namespace TextVae.Cli.Commands;

/// <summary>Runs a prepared <see cref="TrainingSession"/> on a background thread and stops the host when it ends.</summary>
public sealed class TrainingWorker(TrainingSession session, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() =>
        {
            try
            {
                session.Run(stoppingToken);
            }
            finally
            {
                lifetime.StopApplication();
            }
        }, CancellationToken.None);
}
