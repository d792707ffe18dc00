using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Segments;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Segments;

public sealed class SegmentsAppFactory : FeedbackAppFactoryBase
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Segments:MaxValues", "3");
}

public class SegmentsApiTests(SegmentsAppFactory app) : IClassFixture<SegmentsAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    [Fact]
    public async Task Segments_CountEachValueOfTheKey_AsTheFeedbackSaid_AndFilterBySource()
    {
        var source = "seg-" + Guid.NewGuid().ToString("N")[..8];
        await PostAsync(source, "positive", new() { ["promptVersion"] = "v41", ["model"] = "small" });
        await PostAsync(source, "positive", new() { ["promptVersion"] = "v41" });
        await PostAsync(source, "negative", new() { ["promptVersion"] = "v41" });
        await PostAsync(source, "negative", new() { ["promptVersion"] = "v42" });
        await PostAsync(source, "rating", new() { ["promptVersion"] = "v42" }, value: 5);
        await PostAsync(source, "positive", new() { ["unrelated"] = "x" });
        await PostAsync("other-" + source, "positive", new() { ["promptVersion"] = "v42" });

        var answer = await (await _client.GetAsync($"/api/v1/insights/segments?key=promptVersion&days=30&source={source}")).ReadJsonAsync();

        var items = answer["items"]!.AsArray();
        Assert.Equal(["v41", "v42"], items.Select(i => (string)i!["value"]!));
        Assert.Equal(3, (int)items[0]!["totalFeedback"]!);
        Assert.Equal(2.0 / 3, (double)items[0]!["positiveRate"]!, 6);
        Assert.Equal(2.0 / 3, (double)items[0]!["thumbsUpShare"]!, 6);
        Assert.Equal(2, (int)items[1]!["totalFeedback"]!);
        Assert.Equal(0, (double)items[1]!["positiveRate"]!, 6);
        Assert.Equal(0, (double)items[1]!["thumbsUpShare"]!, 6);
        Assert.Equal(30, items[0]!["daily"]!.AsArray().Count);
        Assert.Equal(3, items[0]!["daily"]!.AsArray().Sum(d => (int)d!["totalFeedback"]!));
        Assert.Contains("model", answer["keys"]!.AsArray().Select(k => (string)k!));

        var everySource = await (await _client.GetAsync("/api/v1/insights/segments?key=promptVersion")).ReadJsonAsync();
        var v42 = everySource["items"]!.AsArray().Single(i => (string)i!["value"]! == "v42");
        Assert.True((int)v42!["totalFeedback"]! >= 3);
    }

    [Fact]
    public async Task Segments_PastTheCap_NewValuesCountAsOther()
    {
        var source = "cap-" + Guid.NewGuid().ToString("N")[..8];
        // The factory caps a key at 3 values; this key is used by this test alone.
        using (var scope = app.Services.CreateScope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<SegmentSettingsStore>();
            var errors = await settings.UpdateAsync(TestPrincipals.WithRole(AppRoles.Admin), new SegmentOptions { Keys = ["model", "promptVersion", "region"], MaxValues = 3 });
            Assert.True(errors.IsEmpty);
        }
        foreach (var region in new[] { "eu", "us", "apac", "latam", "mena", "eu" })
        {
            await PostAsync(source, "positive", new() { ["region"] = region });
        }

        var items = (await (await _client.GetAsync($"/api/v1/insights/segments?key=region&source={source}")).ReadJsonAsync())["items"]!.AsArray();

        Assert.Equal(new Dictionary<string, int> { ["eu"] = 2, ["us"] = 1, ["apac"] = 1, [SegmentOptions.OtherValue] = 2 },
            items.ToDictionary(i => (string)i!["value"]!, i => (int)i!["totalFeedback"]!));
    }

    [Theory]
    [InlineData("", "key")]
    [InlineData("?key=nothing-like-it", "key")]
    [InlineData("?key=model&days=0", "days")]
    public async Task Segments_BadQuery_Is400NamingTheField(string query, string field)
    {
        var response = await _client.GetAsync($"/api/v1/insights/segments{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task SegmentSettings_OnlyAnAdminChangesThem_AndBadKeysAreRefusedByField()
    {
        using var scope = app.Services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<SegmentSettingsStore>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => settings.UpdateAsync(TestPrincipals.WithRole(AppRoles.Reviewer), new SegmentOptions()));
        var errors = await settings.UpdateAsync(TestPrincipals.WithRole(AppRoles.Admin), new SegmentOptions { Keys = ["model", "model"], MaxValues = 1 });

        Assert.Equal(["keys", "maxValues"], errors.ToDictionary().Keys.Order());
    }

    private async Task PostAsync(string source, string type, Dictionary<string, string> metadata, object? value = null)
    {
        var id = "seg-" + Guid.NewGuid().ToString("N");
        var response = await _client.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId = id, type, value,
            interaction = new { id, query = "Which plan fits me?", response = "The basic plan.", source, metadata },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
