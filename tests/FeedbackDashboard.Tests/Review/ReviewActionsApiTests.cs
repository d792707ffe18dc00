using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Review;

public class ReviewActionsApiTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);
    private static readonly DemoAccounts.Account Pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);

    private async Task<long> RaiseTaskAsync()
    {
        var api = app.CreateApiClient();
        var query = ApiClientExtensions.Unique("Action pattern");
        for (var i = 0; i < 5; i++)
        {
            await api.PostFeedbackAsync(query, "negative", pattern: query);
        }
        var tasks = await api.GetItemsAsync("/api/v1/review-tasks?status=open&pageSize=500");
        return (long)tasks.Single(t => (string)t!["patternKey"]! == query)!["id"]!;
    }

    private static async Task<JsonObject> OkJsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task ClaimReleaseResolveReopen_EachAnswersTheUpdatedTask_AndTheHistoryRecordsWho()
    {
        var id = await RaiseTaskAsync();
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);

        var claimed = await OkJsonAsync(await reviewer.PostAsync($"/api/v1/review-tasks/{id}/claim", null));
        var released = await OkJsonAsync(await reviewer.PostAsync($"/api/v1/review-tasks/{id}/release", null));
        var resolved = await OkJsonAsync(await reviewer.PostAsJsonAsync($"/api/v1/review-tasks/{id}/resolve", new { note = "Updated the help article." }));
        var reopened = await OkJsonAsync(await reviewer.PostAsync($"/api/v1/review-tasks/{id}/reopen", null));
        var dismissed = await OkJsonAsync(await reviewer.PostAsJsonAsync($"/api/v1/review-tasks/{id}/dismiss", new { reason = "Spam from a test account." }));

        Assert.Equal(("in_review", Reviewer.Email), ((string)claimed["status"]!, (string?)claimed["assignee"]));
        Assert.Equal(("open", (string?)null), ((string)released["status"]!, (string?)released["assignee"]));
        Assert.Equal("resolved", (string)resolved["status"]!);
        Assert.Equal("Updated the help article.", (string)resolved["resolutionNote"]!);
        Assert.NotNull(resolved["closedAt"]);
        Assert.Equal("open", (string)reopened["status"]!);
        Assert.Equal("dismissed", (string)dismissed["status"]!);

        await using var db = app.CreateDbContext();
        var history = await db.AuditRecords.Where(r => r.Subject == $"review-task/{id}").OrderBy(r => r.Id).Select(r => new { r.Action, r.Actor }).ToListAsync();
        Assert.Equal(["review.raised", "review.claimed", "review.released", "review.resolved", "review.reopened", "review.dismissed"], history.Select(h => h.Action));
        Assert.All(history.Skip(1), h => Assert.Equal(Reviewer.Email, h.Actor));
    }

    [Fact]
    public async Task ClaimHeldByAnother_Is409NamingTheHolder()
    {
        var id = await RaiseTaskAsync();
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var admin = await app.CreateSignedInClientAsync(Admin);
        await OkJsonAsync(await reviewer.PostAsync($"/api/v1/review-tasks/{id}/claim", null));

        var lost = await admin.PostAsync($"/api/v1/review-tasks/{id}/claim", null);

        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Equal(Reviewer.Email, (string)(await lost.ReadJsonAsync())["holder"]!);
    }

    [Fact]
    public async Task ParallelClaims_ExactlyOneWinsEveryTime_For50Repetitions()
    {
        var id = await RaiseTaskAsync();
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var admin = await app.CreateSignedInClientAsync(Admin);

        for (var repetition = 0; repetition < 50; repetition++)
        {
            using var start = new ManualResetEventSlim();
            var claims = new[] { reviewer, admin }.Select(client => Task.Run(async () =>
            {
                start.Wait();
                return await client.PostAsync($"/api/v1/review-tasks/{id}/claim", null);
            })).ToList();
            start.Set();
            var responses = await Task.WhenAll(claims);

            var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            var losers = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
            Assert.True(winners.Count == 1 && losers.Count == 1, $"repetition {repetition}: {string.Join(", ", responses.Select(r => r.StatusCode))}");
            var winner = (string)(await winners[0].ReadJsonAsync())["assignee"]!;
            Assert.Equal(winner, (string)(await losers[0].ReadJsonAsync())["holder"]!);

            var winnerClient = winner == Reviewer.Email ? reviewer : admin;
            await OkJsonAsync(await winnerClient.PostAsync($"/api/v1/review-tasks/{id}/release", null));
        }
    }

    [Theory]
    [InlineData("resolve", """{"note":"  "}""", "note")]
    [InlineData("resolve", """{}""", "note")]
    [InlineData("dismiss", """{"reason":""}""", "reason")]
    public async Task ResolveOrDismiss_WithoutText_Is400AndChangesNothing(string action, string body, string field)
    {
        var id = await RaiseTaskAsync();
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);

        var response = await reviewer.PostRawAsync($"/api/v1/review-tasks/{id}/{action}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
        var task = await (await reviewer.GetAsync($"/api/v1/review-tasks/{id}")).ReadJsonAsync();
        Assert.Equal("open", (string)task["status"]!);
    }

    [Fact]
    public async Task ProductManagerAndApiKey_CannotAct()
    {
        var id = await RaiseTaskAsync();
        var pm = await app.CreateSignedInClientAsync(Pm);

        Assert.Equal(HttpStatusCode.Forbidden, (await pm.PostAsync($"/api/v1/review-tasks/{id}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateApiClient().PostAsync($"/api/v1/review-tasks/{id}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateApiClient(apiKey: null).PostAsync($"/api/v1/review-tasks/{id}/claim", null)).StatusCode);
    }

    [Fact]
    public async Task Reopen_WhileThePatternHasAnotherActiveTask_Is409()
    {
        var api = app.CreateApiClient();
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var query = ApiClientExtensions.Unique("Twice raised");
        for (var i = 0; i < 5; i++)
        {
            await api.PostFeedbackAsync(query, "negative", pattern: query);
        }
        var first = (long)(await api.GetItemsAsync("/api/v1/review-tasks?status=open&pageSize=500")).Single(t => (string)t!["patternKey"]! == query)!["id"]!;
        await OkJsonAsync(await reviewer.PostAsJsonAsync($"/api/v1/review-tasks/{first}/resolve", new { note = "Fixed." }));
        for (var i = 0; i < 5; i++)
        {
            await api.PostFeedbackAsync(query, "negative", pattern: query); // fresh evidence raises a second task
        }

        var reopen = await reviewer.PostAsync($"/api/v1/review-tasks/{first}/reopen", null);

        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
    }

    [Fact]
    public async Task RelatedFeedback_IsPagedWithTheInteractions()
    {
        var id = await RaiseTaskAsync();

        var page = await (await app.CreateApiClient().GetAsync($"/api/v1/review-tasks/{id}/feedback?pageSize=3")).ReadJsonAsync();

        Assert.Equal(5, (int)page["totalCount"]!);
        Assert.Equal(3, page["items"]!.AsArray().Count);
        Assert.True((bool)page["hasMore"]!);
        Assert.StartsWith("Action pattern", (string)page["items"]![0]!["query"]!);
    }
}
