using System.Globalization;
using FeedbackDashboard.Embeddings;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Embeddings;

/// <summary>Embedding runs on threads of low OS priority, so that it takes only the CPU that acknowledging feedback leaves.</summary>
public class LowPriorityEmbeddingTests
{
    /// <summary>The calling thread's nice value (field 19 of /proc/thread-self/stat; the app runs on Linux, as CI does).</summary>
    private static int ThreadNiceness()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture); // field 19, counted after the command's ")"
    }

    [Fact]
    public async Task WorkOnTheScheduler_RunsOnItsOwnThreads_AtNiceTen()
    {
        using var scheduler = new LowPriorityScheduler(2, "test low");
        var seen = await Task.Factory.StartNew(() => (Thread.CurrentThread.Name, ThreadNiceness()), CancellationToken.None, TaskCreationOptions.None, scheduler);

        Assert.StartsWith("test low", seen.Name);
        Assert.Equal(10, seen.Item2);
        Assert.True(scheduler.Lowered);
        Assert.Equal(0, await Task.Run(ThreadNiceness)); // the thread pool's priority is untouched
    }

    [Fact]
    public async Task TheModelOnLowPriorityThreads_GivesTheSameVectors()
    {
        using var scheduler = new LowPriorityScheduler(2, "test model");
        using var lowered = new MiniLmEmbedder(scheduler: scheduler);
        string[] texts = ["Where is my refund?", "I cannot log in", "The card was declined at the shop"];

        var expected = (await SharedEmbedder.Instance.GenerateAsync(texts)).Select(e => e.Vector.ToArray()).ToList();
        var actual = lowered.Embed(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }
}
