using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using TextVae.Tui;

namespace TextVae.Tests.Tui;

/// <summary>The worker's contract: one request at a time, the newest wins, failures become one-line reports.</summary>
public sealed class GenerationWorkerTests : IDisposable
{
    private readonly IApplication _app = Application.Create();
    private readonly GenerationWorker _worker;
    private readonly List<WorkerReport> _reports = [];

    public GenerationWorkerTests()
    {
        _app.Init(DriverRegistry.Names.ANSI);
        _worker = new GenerationWorker(_app);
        _worker.Reported += _reports.Add;
    }

    [Fact]
    public void A_newer_request_supersedes_the_running_and_the_waiting_ones()
    {
        using var release = new ManualResetEventSlim();
        var ran = new List<string>();
        var shown = new List<string>();
        void Submit(string name, bool block) => _worker.Submit(
            name,
            () =>
            {
                lock (ran)
                    ran.Add(name);
                if (block)
                    release.Wait();
                return name;
            },
            result =>
            {
                shown.Add(result);
                return "done";
            });

        Submit("first", block: true);
        Submit("second", block: false);
        Submit("third", block: false);
        Assert.True(_worker.Busy);
        release.Set();
        Settle();

        Assert.Equal(["first", "third"], ran);
        Assert.Equal(["third"], shown);
        Assert.StartsWith("third: done in ", _reports[^1].Message);
        Assert.StartsWith("third: ", _worker.LastRequest);
    }

    [Fact]
    public void A_failure_is_reported_in_one_line_without_a_stack_trace()
    {
        _worker.Submit<int>("sample", () => throw new InvalidOperationException("boom\n   at Somewhere()"), _ => "never");
        Settle();

        var report = _reports[^1];
        Assert.True(report.Failed);
        Assert.Equal("sample: internal error: InvalidOperationException: boom", report.Message);
    }

    public void Dispose()
    {
        _worker.Dispose();
        _app.Dispose();
    }

    private void Settle()
    {
        Assert.True(_worker.WhenIdle().Wait(TimeSpan.FromSeconds(10)));
        _app.TimedEvents!.RunTimers();
    }
}
