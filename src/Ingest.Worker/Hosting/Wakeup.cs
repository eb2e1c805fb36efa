namespace PlanIngest.Worker.Hosting;

/// <summary>A signal that many notifications can set and one loop waits on: "something may have changed, look again".</summary>
public sealed class Wakeup
{
    private readonly Lock gate = new();
    private TaskCompletionSource signal = New();

    public void Set()
    {
        lock (gate)
        {
            signal.TrySetResult();
        }
    }

    /// <summary>Waits until <see cref="Set"/> is called or <paramref name="timeout"/> passes, and re-arms the signal.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task task;
        lock (gate)
        {
            task = signal.Task;
        }

        if (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        lock (gate)
        {
            if (signal.Task.IsCompleted)
            {
                signal = New();
            }
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
