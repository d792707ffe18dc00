using System.Net;
using FeedbackDashboard.Features.Patterns;
using FeedbackDashboard.Features.Pipeline;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Patterns;

/// <summary>
/// An application's pattern key and the keys made from question text never share a pattern, in
/// either order, and the same before and after the pattern index is rebuilt (as at a restart).
/// </summary>
public class PatternNamespaceTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    private async Task<string> PostAsync(string query, string type, string? pattern = null, string source = "tests")
    {
        var response = await _client.PostFeedbackAsync(query, type, pattern: pattern, source: source);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["interactionId"]!;
    }

    private async Task<string?> PatternOfAsync(string interactionId)
    {
        await using var db = app.CreateDbContext();
        return (await db.Interactions.SingleAsync(i => i.Id == interactionId)).PatternKey;
    }

    private void Restart() => app.Services.GetRequiredService<PatternAssigner>().Forget();

    [Fact]
    public async Task AKeyedPatternEqualToAFoldedQuestion_IsNotJoinedByTheQuestion()
    {
        const string key = "how do i change my email address";
        for (var i = 0; i < 4; i++)
        {
            await PostAsync("Email change (app-side wording)", "negative", pattern: key, source: "keyed-first");
        }

        var question = await PostAsync("How do I change my email address?", "negative", source: "keyed-first");

        Assert.NotEqual(key, await PatternOfAsync(question));
        var tasks = await _client.GetItemsAsync("/api/v1/review-tasks?pageSize=500&source=keyed-first");
        Assert.Empty(tasks); // 4 keyed items and 1 unkeyed: neither pattern has 5
        Restart();
        var again = await PostAsync("How do I change my email address?", "negative", source: "keyed-first");
        Assert.Equal(await PatternOfAsync(question), await PatternOfAsync(again));
    }

    [Fact]
    public async Task AMeaningBasedPattern_IsNotJoinedByAnApplicationsKeyOfTheSameText()
    {
        var question = await PostAsync("Where can I download my invoices?", "negative", source: "question-first");
        var meaningKey = await PatternOfAsync(question);

        var keyed = await PostAsync("Invoices (app-side wording)", "negative", pattern: "where can i download my invoices", source: "question-first");

        Assert.Equal("where can i download my invoices", await PatternOfAsync(keyed));
        Assert.NotEqual(meaningKey, await PatternOfAsync(keyed));
        await using var db = app.CreateDbContext();
        Assert.False((await db.QueryPatterns.SingleAsync(p => p.Key == meaningKey)).FromApplication);
        Assert.True((await db.QueryPatterns.SingleAsync(p => p.Key == "where can i download my invoices")).FromApplication);
    }

    [Fact]
    public async Task AnApplicationKeyInTheQueryNamespace_Is400NamingPattern()
    {
        var response = await _client.PostJsonAsync("/api/v1/interactions",
            new { id = "ns-" + Guid.NewGuid().ToString("N"), query = "A question?", source = "tests", pattern = "q:a question" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("pattern"));
    }
}
