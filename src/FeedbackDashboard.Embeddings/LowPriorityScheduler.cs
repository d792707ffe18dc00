using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace FeedbackDashboard.Embeddings;

/// <summary>
/// A task scheduler with threads of its own at a low operating-system priority (nice 10 on Linux,
/// Lowest elsewhere). Embedding is the app's heaviest CPU work and always background work (the
/// pipeline, issue runs): on these threads it takes the CPU that acknowledging feedback leaves,
/// instead of half of it. It never holds a database lock, so its waiting delays nobody but itself.
/// </summary>
public sealed class LowPriorityScheduler : TaskScheduler, IDisposable
{
    private const int Niceness = 10;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    public LowPriorityScheduler(int threads, string name)
    {
        _threads = Enumerable.Range(0, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"{name} {i + 1}" }).ToArray();
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Whether lowering the threads' priority took effect (false where the system refused).</summary>
    public bool Lowered { get; private set; }

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Never on the caller's thread: it runs at normal priority.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        Lowered = LowerThisThread();
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    private static bool LowerThisThread()
    {
        if (OperatingSystem.IsLinux())
        {
            // Linux keeps a nice value per thread: PRIO_PROCESS with a thread id changes that thread only.
            return SetPriority(0, GetThreadId(), Niceness) == 0;
        }
        Thread.CurrentThread.Priority = ThreadPriority.Lowest;
        return true;
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    public void Dispose() => _queue.CompleteAdding();
}
