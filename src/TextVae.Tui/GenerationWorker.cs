using System.Diagnostics;
using Terminal.Gui.App;

namespace TextVae.Tui;

/// <summary>
/// Runs the UI's requests off the UI thread, one at a time (a <see cref="Generation.TextGenerator"/> must not be used
/// from two threads), and hands results back through <see cref="IApplication.Invoke(Action)"/>. A newer request
/// supersedes older ones: a torch call cannot be interrupted, so the running request finishes and its result is
/// dropped, a waiting one is replaced, and the newest starts as soon as the worker is free. Holding a key that
/// submits a request therefore never queues work: at most one request runs and one waits. A request submitted with
/// <c>keep</c> (long work whose result is needed, such as encoding a map's corpus) is never dropped or replaced.
/// </summary>
public sealed class GenerationWorker(IApplication app) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Request> _waiting = [];
    private Task _running = Task.CompletedTask;
    private TaskCompletionSource _idle = Completed();
    private long _newest;
    private bool _disposed;

    /// <summary>Raised on the UI thread whenever the status line should change.</summary>
    public event Action<WorkerReport>? Reported;

    /// <summary>The newest finished request and how long it took, e.g. "sample: 0.42 s"; null before the first.</summary>
    public string? LastRequest { get; private set; }

    /// <summary>Cancelled when the worker is disposed: long work checks it between steps so quitting does not wait for it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public bool Busy
    {
        get
        {
            lock (_gate)
                return !_idle.Task.IsCompleted;
        }
    }

    /// <summary>
    /// How many requests have been submitted so far. Showing a result can submit another (the map's opening decodes
    /// its cursor), so one who waits for <see cref="WhenIdle"/> and then runs the posted results compares this to
    /// know whether to wait again.
    /// </summary>
    public long Submitted
    {
        get
        {
            lock (_gate)
                return _newest;
        }
    }

    /// <summary>Completes once no request is running or waiting and every result has been posted to the UI thread.</summary>
    public Task WhenIdle()
    {
        lock (_gate)
            return _idle.Task;
    }

    /// <summary>
    /// Starts <paramref name="work"/> (off the UI thread; it must not touch views) and shows its result with
    /// <paramref name="show"/> (on the UI thread), which returns a short summary for the status line.
    /// Call on the UI thread. A request with <paramref name="keep"/> is shown even when newer ones were submitted.
    /// </summary>
    public void Submit<T>(string name, Func<T> work, Func<T, string> show, bool keep = false)
    {
        var request = new Request(name, keep, () =>
        {
            var result = work();
            return () => show(result);
        });
        lock (_gate)
        {
            if (_disposed)
                return;
            request.Id = ++_newest;
            if (_idle.Task.IsCompleted)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _running = Task.Run(() => Loop(request));
            }
            else
            {
                _waiting.RemoveAll(waiting => !waiting.Keep);
                _waiting.Add(request);
            }
        }
        Reported?.Invoke(new WorkerReport($"working… {name}", Busy: true, Failed: false));
    }

    /// <summary>Shows a problem found before any work started (bad field values, no model).</summary>
    public void Fail(string message) => Reported?.Invoke(new WorkerReport(message, Busy, Failed: true));

    /// <summary>Shows how far running work has come; call from the work itself (any thread).</summary>
    public void Progress(string message)
    {
        bool disposed;
        lock (_gate)
            disposed = _disposed;
        // Invoked outside the gate: the UI thread may be running a posted result that reads Busy, and it holds the
        // application's timer lock meanwhile, which Invoke needs. Dispose waits for the running work (this caller),
        // so the application is still alive here.
        if (!disposed)
            app.Invoke(() => Reported?.Invoke(new WorkerReport(message, Busy: true, Failed: false)));
    }

    /// <summary>Drops waiting requests and waits for the running one, so the model can be disposed after this.</summary>
    public void Dispose()
    {
        Task running;
        lock (_gate)
        {
            _disposed = true;
            _waiting.Clear();
            running = _running;
        }
        _stopping.Cancel();
        running.Wait();
        _stopping.Dispose();
    }

    private void Loop(Request? request)
    {
        while (request is not null)
        {
            var clock = Stopwatch.StartNew();
            Action post;
            try
            {
                var show = request.Work();
                var name = request.Name;
                post = () =>
                {
                    var summary = show();
                    LastRequest = $"{name}: {clock.Elapsed.TotalSeconds:0.00} s";
                    Reported?.Invoke(new WorkerReport($"{name}: {summary} in {clock.Elapsed.TotalSeconds:0.00} s", Busy, Failed: false));
                };
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                post = () => { };
            }
            catch (Exception e)
            {
                var message = $"{request.Name}: {ErrorText.Of(e)}";
                post = () => Reported?.Invoke(new WorkerReport(message, Busy, Failed: true));
            }
            clock.Stop();
            bool shown;
            lock (_gate)
                shown = !_disposed && (request.Keep || request.Id == _newest);
            // Invoked outside the gate, as in Progress: holding it here while the UI thread runs a posted result that
            // reads Busy deadlocked the two threads. Dispose sets _disposed first and then waits for this loop, so
            // the application (which Invoke needs alive) outlives the call.
            if (shown)
                app.Invoke(post);
            lock (_gate)
            {
                request = _waiting.FirstOrDefault();
                if (request is not null)
                    _waiting.RemoveAt(0);
                else
                    _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var idle = new TaskCompletionSource();
        idle.SetResult();
        return idle;
    }

    private sealed class Request(string name, bool keep, Func<Func<string>> work)
    {
        public string Name { get; } = name;
        public bool Keep { get; } = keep;
        public Func<Func<string>> Work { get; } = work;
        public long Id { get; set; }
    }
}
