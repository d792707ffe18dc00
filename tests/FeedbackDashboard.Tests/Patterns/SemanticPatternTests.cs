using System.Net;
using System.Text.Json.Nodes;
using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Core.Patterns;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Patterns;

/// <summary>Query patterns by meaning, through the API and the real model. Only this class posts these questions to its app.</summary>
public class SemanticPatternTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    private async Task<string> PostAsync(string query, string type, string? pattern = null)
    {
        var response = await _client.PostFeedbackAsync(query, type, pattern: pattern);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["interactionId"]!;
    }

    [Fact]
    public async Task DifferentlyWordedQuestionsOfOneMeaning_RaiseOneReviewTask()
    {
        string[] paraphrases =
        [
            "How do I reset my password?", "I forgot my password, how do I reset it?", "reset password",
            "How can I reset my password?", "forgot my password, help",
        ];
        string[] types = ["positive", "negative", "positive", "negative", "positive"];
        var interactions = new List<string>();
        for (var i = 0; i < paraphrases.Length; i++)
        {
            interactions.Add(await PostAsync(paraphrases[i], types[i]));
        }

        var tasks = (await _client.GetItemsAsync("/api/v1/review-tasks?status=open&pageSize=500")).Select(t => t!.AsObject())
            .Where(t => paraphrases.Contains((string)t["representativeQuery"]!)).ToList();
        var task = Assert.Single(tasks); // 2 of 5 negative
        Assert.Equal("How do I reset my password?", (string)task["representativeQuery"]!);
        Assert.Equal(5, (int)task["relatedCount"]!);
        await using var db = app.CreateDbContext();
        var keys = await db.Interactions.Where(i => interactions.Contains(i.Id)).Select(i => i.PatternKey).Distinct().ToListAsync();
        Assert.Equal([(string)task["patternKey"]!], keys);
    }

    [Fact]
    public async Task QuestionsOfAnotherMeaning_StartPatternsOfTheirOwn()
    {
        var hours = await PostAsync("What are your opening hours?", "negative");
        var hoursAgain = await PostAsync("what time do you open", "negative");
        var username = await PostAsync("How do I change my email address?", "negative");

        await using var db = app.CreateDbContext();
        var keyOf = await db.Interactions.Where(i => new[] { hours, hoursAgain, username }.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.PatternKey);
        Assert.Equal(keyOf[hours], keyOf[hoursAgain]);
        Assert.NotEqual(keyOf[hours], keyOf[username]);
        var pattern = await db.QueryPatterns.SingleAsync(p => p.Key == keyOf[hours]);
        Assert.Equal("What are your opening hours?", pattern.RepresentativeQuery);
        Assert.False(pattern.FromApplication);
    }

    [Fact]
    public async Task ThePatternKeyOfTheApplication_WinsOverMeaning()
    {
        var key = "refund-policy-" + Guid.NewGuid().ToString("N");
        var first = await PostAsync("Can I get a refund for my annual plan?", "negative", pattern: key);
        var unrelated = await PostAsync("Which colours does the app support?", "negative", pattern: key);
        var unkeyed = await PostAsync("Can I get a refund for my annual plan?", "negative");

        await using var db = app.CreateDbContext();
        var keyOf = await db.Interactions.Where(i => new[] { first, unrelated, unkeyed }.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.PatternKey);
        Assert.Equal(key, keyOf[first]);
        Assert.Equal(key, keyOf[unrelated]);
        Assert.NotEqual(key, keyOf[unkeyed]); // a keyed pattern is never joined by meaning
        Assert.True((await db.QueryPatterns.SingleAsync(p => p.Key == key)).FromApplication);
    }

    [Fact]
    public async Task EachQuestionIsEmbeddedAndStored_AsAUnitVector()
    {
        var id = await PostAsync("Does the SDK support Python 3.13?", "positive");
        var again = await PostAsync("Does the SDK support Python 3.13?", "positive");

        await using var db = app.CreateDbContext();
        var stored = await db.Interactions.Where(i => i.Id == id || i.Id == again).ToListAsync();
        Assert.All(stored, i => Assert.Equal(384, i.QueryEmbedding!.Length));
        Assert.Equal(1, VectorMath.Dot(stored[0].QueryEmbedding, stored[0].QueryEmbedding), 3);
        Assert.Equal(stored[0].QueryEmbedding, stored[1].QueryEmbedding);
    }
}

/// <summary>A threshold no paraphrase reaches: every wording is a pattern of its own, so nothing fires.</summary>
public class StrictThresholdTests(StrictThresholdTests.StrictAppFactory app) : IClassFixture<StrictThresholdTests.StrictAppFactory>
{
    public sealed class StrictAppFactory : FeedbackAppFactoryBase
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Patterns:SimilarityThreshold", "0.995");
    }

    [Fact]
    public async Task ParaphrasesUnderAStrictThreshold_StayApart()
    {
        var client = app.CreateApiClient();
        string[] paraphrases = ["How do I reset my password?", "I forgot my password, how do I reset it?", "reset password", "How can I reset my password?", "forgot my password, help"];
        foreach (var query in paraphrases)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostFeedbackAsync(query, "negative")).StatusCode);
        }

        await using var db = app.CreateDbContext();
        Assert.Equal(5, await db.QueryPatterns.CountAsync());
        Assert.Empty(await client.GetItemsAsync("/api/v1/review-tasks"));
    }
}

/// <summary>A database from before patterns had embeddings: its patterns are embedded once, then joined by meaning.</summary>
public class PatternsFromBeforeEmbeddingsTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    [Fact]
    public async Task AnOldPattern_IsJoinedByAParaphrase()
    {
        var client = app.CreateApiClient();
        await using (var db = app.CreateDbContext())
        {
            db.QueryPatterns.Add(new Core.Patterns.QueryPattern { Key = "q:what is the api rate limit", RepresentativeQuery = "What is the API rate limit?", CreatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var response = await client.PostFeedbackAsync("What's the rate limit of the API?", "negative");

        var interactionId = (string)(await response.ReadJsonAsync())["interactionId"]!;
        await using var check = app.CreateDbContext();
        Assert.Equal("q:what is the api rate limit", (await check.Interactions.SingleAsync(i => i.Id == interactionId)).PatternKey);
        Assert.Equal(384, (await check.QueryPatterns.SingleAsync(p => p.Key == "q:what is the api rate limit")).Embedding!.Length);
    }
}
