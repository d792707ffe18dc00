using System.Net;
using System.Text.Json.Nodes;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Triggers;

/// <summary>The feedback loop through the HTTP API: which feedback raises a review task, and what the task says.</summary>
public class ReviewTriggerTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    private async Task<List<JsonObject>> OpenTasksForAsync(string patternKey)
    {
        var items = await _client.GetItemsAsync("/api/v1/review-tasks?status=open&pageSize=200");
        return items.Select(i => i!.AsObject()).Where(t => (string)t["patternKey"]! == patternKey).ToList();
    }

    /// <summary>Posts on the pattern the application names after the query: the rule is what is tested here, not the matching.</summary>
    private async Task<string> PostAsync(string query, string type, object? value = null)
    {
        var response = await _client.PostFeedbackAsync(query, type, value, pattern: query);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["id"]!;
    }

    /// <summary>The task's counts as the API lists them, and as many items linked to it in the database.</summary>
    private async Task AssertHoldsAsync(JsonObject task, int related, int negative)
    {
        Assert.Equal(related, (int)task["relatedCount"]!);
        Assert.Equal(negative, (int)task["negativeCount"]!);
        await using var db = app.CreateDbContext();
        var id = (long)task["id"]!;
        Assert.Equal(related, await db.ReviewTaskFeedback.CountAsync(r => r.ReviewTaskId == id));
    }

    /// <summary>Posts items of these types on one pattern in one batch request and waits for the pipeline; returns their ids in order.</summary>
    private Task<string[]> PostBatchAsync(string query, IEnumerable<string> types) =>
        PostBatchAsync(types.Select(type => (query, type)));

    /// <summary>Posts these items, each on its query's pattern, in one batch request (one pipeline batch) and waits for the pipeline; returns their ids in order.</summary>
    private async Task<string[]> PostBatchAsync(IEnumerable<(string Query, string Type)> plan)
    {
        var items = plan.Select(p =>
        {
            var id = "batched-" + Guid.NewGuid().ToString("N");
            return new { id, interactionId = id, type = p.Type, interaction = new { id, query = p.Query, response = "An answer.", source = "tests", pattern = p.Query } };
        }).ToArray();
        var response = await app.CreateApiClient(settle: false).PostJsonAsync("/api/v1/feedback/batch", new { items });
        Assert.Equal(items.Length, (int)(await response.ReadJsonAsync())["stored"]!);
        await app.WaitForPipelineAsync();
        return items.Select(i => i.id).ToArray();
    }

    [Fact]
    public async Task SixUpThenFourDown_OpensOneHighPriorityTaskAtTheThirdThumbsDown()
    {
        var query = ApiClientExtensions.Unique("How do I reset my password");
        var pattern = query;
        for (var i = 0; i < 6; i++)
        {
            await PostAsync(query, "positive");
        }
        await PostAsync(query, "negative");
        await PostAsync(query, "negative");
        Assert.Empty(await OpenTasksForAsync(pattern)); // 2 of 8 = 25%

        var third = await PostAsync(query, "negative"); // 3 of 9 = 33%
        var task = Assert.Single(await OpenTasksForAsync(pattern));
        Assert.Equal("open", (string)task["status"]!);
        Assert.Equal("high", (string)task["priority"]!);
        Assert.Equal("Review and update prompt/instructions", (string)task["suggestedAction"]!);
        Assert.Equal(9, (int)task["relatedCount"]!);
        Assert.Equal(3, (int)task["negativeCount"]!);
        Assert.Equal(third, (string)task["triggerFeedback"]!["id"]!);
        Assert.Equal(9, task["relatedFeedback"]!.AsArray().Count);
        Assert.All(task["relatedFeedback"]!.AsArray(), f => Assert.NotNull((string?)f!["interactionId"]));

        var fourth = await PostAsync(query, "negative");
        task = Assert.Single(await OpenTasksForAsync(pattern));
        Assert.Equal(10, (int)task["relatedCount"]!);
        Assert.Equal(4, (int)task["negativeCount"]!);
        Assert.Contains(task["relatedFeedback"]!.AsArray(), f => (string)f!["id"]! == fourth);
    }

    [Fact]
    public async Task ABurstOnAPatternWithATask_JoinsItOnce_EachItemCountedOnce()
    {
        var query = ApiClientExtensions.Unique("The export button is gone");
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(query, "negative");
        }
        var task = Assert.Single(await OpenTasksForAsync(query));

        // Twenty more in one request: the pipeline takes them in one batch and joins them in one write.
        await PostBatchAsync(query, Enumerable.Range(0, 20).Select(i => i % 4 == 0 ? "positive" : "negative"));

        task = Assert.Single(await OpenTasksForAsync(query));
        await AssertHoldsAsync(task, related: 25, negative: 20);
    }

    [Fact]
    public async Task OneBatchAcrossPatterns_JoinsEachPatternsTask_AndStillOpensATaskWhereNoneWas()
    {
        // Three patterns with a task, one without: one request, so one pipeline batch. The patterns with a task
        // are joined together (one write); the fourth is evaluated on its own and opens its task.
        string[] withTasks = [.. Enumerable.Range(0, 3).Select(i => ApiClientExtensions.Unique($"Mixed batch pattern {i}"))];
        foreach (var query in withTasks)
        {
            for (var i = 0; i < 5; i++)
            {
                await PostAsync(query, "negative");
            }
        }
        var fresh = ApiClientExtensions.Unique("Mixed batch new pattern");
        var plan = withTasks.SelectMany((query, k) => Enumerable.Range(0, 4 + k).Select(i => (query, type: i % 2 == 0 ? "negative" : "positive")))
            .Concat(Enumerable.Range(0, 6).Select(_ => (query: fresh, type: "negative")))
            .ToList();
        await PostBatchAsync(plan);

        for (var k = 0; k < withTasks.Length; k++)
        {
            var added = 4 + k;
            await AssertHoldsAsync(Assert.Single(await OpenTasksForAsync(withTasks[k])), related: 5 + added, negative: 5 + (added + 1) / 2);
        }
        var opened = Assert.Single(await OpenTasksForAsync(fresh));
        Assert.Equal(6, (int)opened["negativeCount"]!);
    }

    [Fact]
    public async Task TheSameItemsInOneBatch_OpenTheTaskAtTheSameItem_AsSentOneByOne()
    {
        // Six up then four down, as in the test above, but in one request: the pipeline checks a
        // pattern's items of a batch with one read of its window, each as if it had arrived alone.
        var query = ApiClientExtensions.Unique("Where did my invoices go");
        var ids = await PostBatchAsync(query, Enumerable.Range(0, 10).Select(i => i < 6 ? "positive" : "negative"));

        var task = Assert.Single(await OpenTasksForAsync(query));
        Assert.Equal(ids[8], (string)task["triggerFeedback"]!["id"]!); // 3 of 9 negative
        Assert.Equal("high", (string)task["priority"]!);
        await AssertHoldsAsync(task, related: 10, negative: 4); // the fourth joined it
    }

    [Fact]
    public async Task OneBatchOfPatternsWithoutATask_OpensOnlyWhereTheRuleFires_AndAClosedTasksItemsDoNotCountAgain()
    {
        // The patterns of a batch without an active task are read together; only one where an item fires opens its task.
        var closed = ApiClientExtensions.Unique("Quiet batch closed pattern");
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(closed, "negative");
        }
        await using (var db = app.CreateDbContext())
        {
            var task = await db.ReviewTasks.SingleAsync(t => t.ActivePatternKey == closed);
            task.Status = Core.Review.ReviewTaskStatus.Resolved;
            task.ActivePatternKey = null;
            await db.SaveChangesAsync();
        }
        string[] quiet = [.. Enumerable.Range(0, 3).Select(i => ApiClientExtensions.Unique($"Quiet batch pattern {i}"))];
        var firing = ApiClientExtensions.Unique("Quiet batch firing pattern");
        var plan = quiet.SelectMany(query => new[] { "positive", "negative", "positive", "positive" }.Select(type => (query, type)))
            .Concat(new[] { "positive", "positive", "negative", "positive", "positive" }.Select(type => (query: closed, type)))
            .Concat(Enumerable.Range(0, 10).Select(i => (query: firing, type: i < 6 ? "positive" : "negative")))
            .ToList();
        var ids = await PostBatchAsync(plan);

        foreach (var query in quiet.Append(closed))
        {
            Assert.Empty(await OpenTasksForAsync(query)); // 1 of 4, and 1 of 5 new items after the closed task
        }
        var opened = Assert.Single(await OpenTasksForAsync(firing));
        var firingIds = ids.Where((_, i) => plan[i].query == firing).ToArray();
        Assert.Equal(firingIds[8], (string)opened["triggerFeedback"]!["id"]!); // 3 of 9 negative
        await AssertHoldsAsync(opened, related: 10, negative: 4);
    }

    [Fact]
    public async Task TheQueuesRows_LeaveOutTriggerAndRelatedItems_WhichTheApiListEmbeds()
    {
        var query = ApiClientExtensions.Unique("Where is my invoice");
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(query, "negative");
        }
        var queries = app.Services.GetRequiredService<Features.Review.ReviewTaskQueries>();
        var filter = new Features.Review.ReviewTaskFilter(Search: query);

        var forQueue = Assert.Single((await queries.ListQueueRowsAsync(filter)).Items);
        var withoutRelated = Assert.Single((await queries.ListAsync(filter, withRelated: false)).Items);
        var forApi = Assert.Single((await queries.ListAsync(filter)).Items);

        // The page's drawer reads both for the one task it shows.
        Assert.Null(forQueue.TriggerFeedback);
        Assert.Empty(forQueue.RelatedFeedback);
        Assert.NotNull(withoutRelated.TriggerFeedback);
        Assert.Empty(withoutRelated.RelatedFeedback);
        Assert.Equal(5, forApi.RelatedFeedback.Count);
        Assert.Equal(forApi.WithoutRelated() with { RelatedFeedback = withoutRelated.RelatedFeedback }, withoutRelated);
        Assert.Equal(forApi.AsQueueRow() with { RelatedFeedback = forQueue.RelatedFeedback }, forQueue);
    }

    [Fact]
    public async Task SevenUpThenThreeDown_OpensNothing()
    {
        var query = ApiClientExtensions.Unique("What are your opening hours");
        for (var i = 0; i < 7; i++)
        {
            await PostAsync(query, "positive");
        }
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(query, "negative");
        }

        Assert.Empty(await OpenTasksForAsync(query));
    }

    [Fact]
    public async Task CorrectionAmongRelated_SuggestsUpdatingTheKnowledgeBase()
    {
        var query = ApiClientExtensions.Unique("What is the API rate limit");
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(query, "positive");
        }
        await PostAsync(query, "correction", "1,000 requests per minute on Business.");
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(query, "negative");
        }

        var task = Assert.Single(await OpenTasksForAsync(query));
        Assert.Equal("Update knowledge base with corrections", (string)task["suggestedAction"]!);
        Assert.Equal(1, (int)task["correctionCount"]!);
    }

    [Fact]
    public async Task FiveRelatedItems_OpenAMediumPriorityTask()
    {
        var query = ApiClientExtensions.Unique("Can I get a refund");
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(query, "positive");
        }
        await PostAsync(query, "negative");
        Assert.Empty(await OpenTasksForAsync(query)); // 4 items: below the minimum of 5

        await PostAsync(query, "negative"); // 2 of 5 = 40%

        var task = Assert.Single(await OpenTasksForAsync(query));
        Assert.Equal("medium", (string)task["priority"]!);
        Assert.Equal(5, (int)task["relatedCount"]!);
    }

    [Fact]
    public async Task ApplicationPatternKey_WinsOverTheQueryText()
    {
        var pattern = "pattern-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 5; i++)
        {
            var response = await _client.PostFeedbackAsync(ApiClientExtensions.Unique("Different words"), i < 2 ? "negative" : "positive", pattern: pattern);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var task = Assert.Single(await OpenTasksForAsync(pattern));
        Assert.Equal(5, (int)task["relatedCount"]!);
    }

    [Fact]
    public async Task ConcurrentNegativeFeedbackOnOnePattern_OpensExactlyOneTaskHoldingAllOfIt()
    {
        var query = ApiClientExtensions.Unique("Concurrent pattern");
        const int count = 40;

        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => _client.PostFeedbackAsync(query, "negative", pattern: query)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var task = Assert.Single(await OpenTasksForAsync(query));
        Assert.Equal(count, (int)task["relatedCount"]!);
        Assert.Equal(count, (int)task["negativeCount"]!);
    }

    [Fact]
    public async Task ClosedTask_ItsFeedbackDoesNotRaiseTheNextTask()
    {
        var query = ApiClientExtensions.Unique("Closed pattern");
        var pattern = query;
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(query, "negative");
        }
        await using (var db = app.CreateDbContext())
        {
            // A reviewer resolved it (the review actions arrive with the reviewer's workspace).
            var task = await db.ReviewTasks.SingleAsync(t => t.ActivePatternKey == pattern);
            task.Status = Core.Review.ReviewTaskStatus.Resolved;
            task.ActivePatternKey = null;
            await db.SaveChangesAsync();
        }

        for (var i = 0; i < 4; i++)
        {
            await PostAsync(query, "positive");
        }
        Assert.Empty(await OpenTasksForAsync(pattern)); // the old negatives are not counted again
        await PostAsync(query, "negative");
        Assert.Empty(await OpenTasksForAsync(pattern)); // 1 of 5 new items
        await PostAsync(query, "negative");

        var reopened = Assert.Single(await OpenTasksForAsync(pattern)); // 2 of 6 new items
        Assert.Equal(6, (int)reopened["relatedCount"]!);
    }

    [Fact]
    public async Task GetTask_ById_ReturnsItAndUnknownIdIs404()
    {
        var query = ApiClientExtensions.Unique("Lookup");
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(query, "negative");
        }
        var listed = Assert.Single(await OpenTasksForAsync(query));

        var response = await _client.GetAsync($"/api/v1/review-tasks/{(long)listed["id"]!}");
        var missing = await _client.GetAsync("/api/v1/review-tasks/987654321");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((long)listed["id"]!, (long)(await response.ReadJsonAsync())["id"]!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListTasks_FiltersBySearchAndSource()
    {
        var marker = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 5; i++)
        {
            await PostAsync($"Searchable {marker}?", "negative");
        }

        var found = await _client.GetItemsAsync($"/api/v1/review-tasks?search={marker}&source=tests");
        var none = await _client.GetItemsAsync($"/api/v1/review-tasks?search={marker}&source=elsewhere");

        Assert.Single(found);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("priority=urgent", "priority")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=501", "pageSize")]
    public async Task ListTasks_BadQuery_Is400NamingTheParameter(string query, string field)
    {
        var response = await _client.GetAsync($"/api/v1/review-tasks?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }
}
