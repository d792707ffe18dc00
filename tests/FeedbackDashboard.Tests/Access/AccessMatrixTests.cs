using System.Net;
using System.Net.Http.Json;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Access;

/// <summary>No gap between re-clusterings, so every caller allowed to start one gets 202 in turn.</summary>
public sealed class MatrixApp : FeedbackAppFactoryBase
{
    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("Clustering:MinSecondsBetweenRuns", "0");
}

/// <summary>The callers of the access table, signed in or keyed once for the whole class.</summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    public MatrixApp App { get; } = new();
    public Dictionary<string, HttpClient> Callers { get; } = [];
    public long TaskId { get; private set; }

    public string InteractionId { get; private set; } = "";
    public string IngestOnlyKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var keys = App.Services.GetRequiredService<ApiKeyService>();
        var admin = TestPrincipals.WithRole(AppRoles.Admin);
        var readOnly = await keys.CreateAsync(admin, "read only", ApiKeyScopes.Read);
        var ingestOnly = await keys.CreateAsync(admin, "ingest only", ApiKeyScopes.Ingest);
        IngestOnlyKey = ingestOnly.Plaintext;
        var revoked = await keys.CreateAsync(admin, "revoked", ApiKeyScopes.All);
        await keys.RevokeAsync(admin, revoked.Key.Id);

        Callers["anonymous"] = App.CreateApiClient(apiKey: null);
        Callers["pm"] = await App.CreateSignedInClientAsync(DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager));
        Callers["reviewer"] = await App.CreateSignedInClientAsync(DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer));
        Callers["admin"] = await App.CreateSignedInClientAsync(DemoAccounts.All.Single(a => a.Role == AppRoles.Admin));
        Callers["key"] = App.CreateApiClient();
        Callers["read-key"] = App.CreateApiClient(readOnly.Plaintext);
        Callers["ingest-key"] = App.CreateApiClient(ingestOnly.Plaintext);
        Callers["revoked-key"] = App.CreateApiClient(revoked.Plaintext);

        // One review task for the by-id route.
        var query = ApiClientExtensions.Unique("matrix");
        for (var i = 0; i < 5; i++)
        {
            await Callers["key"].PostFeedbackAsync(query, "negative", pattern: query);
        }
        var tasks = await Callers["key"].GetItemsAsync("/api/v1/review-tasks");
        TaskId = (long)tasks[0]!["id"]!;
        InteractionId = (string)tasks[0]!["triggerFeedback"]!["interactionId"]!;
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every route × every kind of caller. Expected: "ok" (2xx), "login" (302 to the sign-in page),
/// "denied" (302 to the access-denied page), "401" or "403".
/// </summary>
public class AccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    private static readonly string[] Callers = ["anonymous", "pm", "reviewer", "admin", "key", "read-key", "ingest-key", "revoked-key"];

    // Columns follow Callers.
    public static TheoryData<string, string, string> Routes() => new()
    {
        { "GET", "/", "login ok ok ok login login login login" },
        { "GET", "/live", "login ok ok ok login login login login" },
        { "GET", "/issues", "login ok ok ok login login login login" },
        { "GET", "/review", "login denied ok ok login login login login" },
        { "GET", "/corrections", "login denied ok ok login login login login" },
        { "GET", "/admin", "login denied denied ok login login login login" },
        { "GET", "/instructions", "login denied ok ok login login login login" },
        { "GET", "/knowledge", "login ok ok ok login login login login" },
        { "GET", "/interactions/{interaction}", "login ok ok ok login login login login" },
        { "GET", "/audit", "login denied denied ok login login login login" },
        { "GET", "/Account/Manage", "login ok ok ok login login login login" },
        { "GET", "/Account/Manage/ChangePassword", "login ok ok ok login login login login" },
        { "GET", "/Account/Login", "ok ok ok ok ok ok ok ok" },
        { "GET", "/Account/AccessDenied", "ok ok ok ok ok ok ok ok" },
        { "GET", "/health/live", "ok ok ok ok ok ok ok ok" },
        { "GET", "/health/ready", "ok ok ok ok ok ok ok ok" },
        { "GET", "/openapi/v1.json", "ok ok ok ok ok ok ok ok" },
        { "GET", "/scalar/v1", "ok ok ok ok ok ok ok ok" },
        { "GET", "/_content/MudBlazor/MudBlazor.min.css", "ok ok ok ok ok ok ok ok" },
        { "GET", "/app.css", "ok ok ok ok ok ok ok ok" },
        { "POST", "/api/v1/interactions", "401 403 403 403 ok 403 ok 401" },
        { "POST", "/api/v1/feedback", "401 403 403 403 ok 403 ok 401" },
        { "POST", "/api/v1/feedback/batch", "401 403 403 403 ok 403 ok 401" },
        { "GET", "/api/v1/review-tasks", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/review-tasks/{task}", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/interactions/{interaction}", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/feedback?type=negative&limit=5", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/datasets/corrections", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/insights", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/review-tasks/{task}/feedback", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/issues", "401 ok ok ok ok ok 403 401" },
        { "POST", "/api/v1/issues/recompute", "401 ok ok ok ok 403 403 401" },
        { "GET", "/api/v1/feedback/export?format=csv", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/insights/export?format=json", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/insights/segments?key=model", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/changes", "401 ok ok ok ok ok 403 401" },
        { "POST", "/api/v1/review-tasks/{task}/release", "401 403 ok ok 403 403 403 401" },
        { "GET", "/api/v1/corrections", "401 403 ok ok 403 403 403 401" },
        { "POST", "/api/v1/corrections/bulk", "401 403 ok ok 403 403 403 401" },
        { "GET", "/api/v1/knowledge?source=matrix", "401 ok ok ok ok ok 403 401" },
        { "GET", "/api/v1/instructions/matrix/versions", "401 ok ok ok ok ok 403 401" },
        { "PUT", "/api/v1/instructions/matrix/draft", "401 403 ok ok 403 403 403 401" },
        { "GET", "/api/v1/webhooks", "401 403 403 ok 403 403 403 401" },
        { "GET", "/api/v1/alert-rules", "401 403 403 ok 403 403 403 401" },
        { "GET", "/api/v1/alert-rules/events", "401 403 403 ok 403 403 403 401" },
        { "GET", "/api/v1/audit", "401 403 403 ok 403 403 403 401" },
        { "GET", "/api/v1/users", "401 403 403 ok 403 403 403 401" },
        { "GET", "/api/v1/api-keys", "401 403 403 ok 403 403 403 401" },
        { "GET", "/api/v1/audit/export?format=csv", "401 403 403 ok 403 403 403 401" },
        { "POST", "/hubs/review/negotiate?negotiateVersion=1", "401 ok ok ok 401 401 401 401" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryCaller_GetsWhatTheirRoleOrScopeAllows(string method, string route, string expectations)
    {
        var expected = expectations.Split(' ');
        var url = route.Replace("{task}", fixture.TaskId.ToString()).Replace("{interaction}", Uri.EscapeDataString(fixture.InteractionId));
        var failures = new List<string>();

        for (var i = 0; i < Callers.Length; i++)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = BodyFor(route) };
            var response = await fixture.Callers[Callers[i]].SendAsync(request);
            var actual = Classify(response);
            if (actual != expected[i])
            {
                failures.Add($"{Callers[i]}: expected {expected[i]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }

        Assert.True(failures.Count == 0, $"{method} {route}: " + string.Join("; ", failures));
    }

    /// <summary>
    /// The origin rule over the same table: every write (and the hub's negotiate) sent with the cookie
    /// from another origin is 403 whoever is signed in; a key's answer does not depend on the origin.
    /// </summary>
    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryCookieWrite_FromAnotherOrigin_Is403_AndKeysAreUnaffected(string method, string route, string expectations)
    {
        if (method == "GET")
        {
            return;
        }
        var expected = expectations.Split(' ');
        var url = route.Replace("{task}", fixture.TaskId.ToString()).Replace("{interaction}", Uri.EscapeDataString(fixture.InteractionId));
        var failures = new List<string>();
        for (var i = 0; i < Callers.Length; i++)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = BodyFor(route) };
            request.Headers.Add("Origin", "http://localhost:5999");
            request.Headers.Add("Sec-Fetch-Site", "same-site");
            var response = await fixture.Callers[Callers[i]].SendAsync(request);
            var actual = Classify(response);
            var keyed = Callers[i].Contains("key", StringComparison.Ordinal);
            var want = keyed ? expected[i] : "403";
            if (actual != want)
            {
                failures.Add($"{Callers[i]}: expected {want}, got {actual}");
            }
        }

        Assert.True(failures.Count == 0, $"{method} {route} from another origin: " + string.Join("; ", failures));
    }

    private static string Classify(HttpResponseMessage response) => (int)response.StatusCode switch
    {
        >= 200 and < 300 => "ok",
        302 when response.Headers.Location?.ToString().Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true => "login",
        302 when response.Headers.Location?.ToString().Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) == true => "denied",
        var status => status.ToString(),
    };

    private static HttpContent? BodyFor(string route)
    {
        var id = "m-" + Guid.NewGuid().ToString("N");
        var interaction = new { id, query = "Matrix question", source = "matrix" };
        return route switch
        {
            "/api/v1/interactions" => JsonContent.Create(interaction),
            "/api/v1/feedback" => JsonContent.Create(new { interactionId = id, type = "positive", interaction }),
            "/api/v1/feedback/batch" => JsonContent.Create(new { items = new[] { new { interactionId = id, type = "positive", interaction } } }),
            "/api/v1/corrections/bulk" => JsonContent.Create(new { ids = new[] { 987654321L }, action = "approve" }),
            "/api/v1/instructions/matrix/draft" => JsonContent.Create(new { text = "Be kind." }),
            _ => null,
        };
    }
}

public class KeyOverCookieTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public async Task ARequestWithAKey_IsJudgedByTheKeyAlone_EvenWithASignInCookie()
    {
        var reviewer = fixture.Callers["reviewer"];
        var listed = await reviewer.GetAsync("/api/v1/review-tasks");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);

        // The reviewer's cookie allows reading the queue; an ingest-only key beside it does not.
        using var withKey = new HttpRequestMessage(HttpMethod.Get, "/api/v1/review-tasks");
        withKey.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, fixture.IngestOnlyKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.SendAsync(withKey)).StatusCode);
    }
}
