using System.Net.Http.Json;
using Bunit;
using FeedbackDashboard.Components.Pages.Feedback;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Feedback;

/// <summary>The live feed: what was stored before it opened, and what arrives while it is open (pushed on the server, ADR-012).</summary>
public class LiveFeedPageTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ShowsRecentFeedback_ThenWhatArrives_WithoutReload()
    {
        var before = ApiClientExtensions.Unique("Stored before the page opened?");
        await Api.PostFeedbackAsync(before, "negative", comment: "Old news");
        SignInAs(AppRoles.ProductManager);

        var page = Render<LiveFeedPage>();
        page.WaitForAssertion(() => Assert.Contains(before, page.Markup), Patience);

        var after = ApiClientExtensions.Unique("Arrived while it was open?");
        await Api.PostFeedbackAsync(after, "positive");
        App.Clock.Advance(TimeSpan.FromSeconds(1)); // the page renders pushes at most every 500 ms

        page.WaitForAssertion(() =>
        {
            Assert.Contains(after, page.Markup);
            Assert.True(page.Markup.IndexOf(after, StringComparison.Ordinal) < page.Markup.IndexOf(before, StringComparison.Ordinal), "newest first");
        }, Patience);
    }

    [Fact]
    public async Task FilteredByMetadataInTheAddress_ShowsOnlyMatches_StoredAndPushed()
    {
        var run = Guid.NewGuid().ToString("N");
        var storedA = await PostAsync(run, "a");
        var storedB = await PostAsync(run, "b");
        SignInAs(AppRoles.ProductManager);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/live?metadata.run={run}&metadata.model=a");

        var page = Render<LiveFeedPage>();
        page.WaitForAssertion(() => Assert.Contains(storedA, page.Markup), Patience);
        var pushedA = await PostAsync(run, "a");
        var pushedB = await PostAsync(run, "b");
        App.Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Contains(pushedA, page.Markup), Patience);
        Assert.DoesNotContain(storedB, page.Markup);
        Assert.DoesNotContain(pushedB, page.Markup);
        Assert.Equal($"model=a, run={run}", page.Find("input[data-testid=filter-metadata]").GetAttribute("value"));
        Assert.Contains($"metadata.model=a&metadata.run={run}", page.Find("[data-testid=export-feed]").GetAttribute("href"));
    }

    [Fact]
    public async Task TypingAMetadataFilter_PutsItInTheAddress_AndNarrowsTheList_ABadOneSaysWhatToType()
    {
        var run = Guid.NewGuid().ToString("N");
        var a = await PostAsync(run, "a");
        var b = await PostAsync(run, "b");
        SignInAs(AppRoles.Reviewer);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Render<LiveFeedPage>();
        page.WaitForAssertion(() => Assert.Contains(b, page.Markup), Patience);

        page.Find("input[data-testid=filter-metadata]").Change($"model = b, run={run}");

        page.WaitForAssertion(() => Assert.DoesNotContain(a, page.Markup), Patience);
        Assert.Contains(b, page.Markup);
        Assert.EndsWith($"/live?metadata.model=b&metadata.run={run}", navigation.Uri);

        page.Find("input[data-testid=filter-metadata]").Change("model");

        page.WaitForAssertion(() => Assert.Contains("(\"model\" is not)", page.Markup), Patience);
        Assert.EndsWith($"/live?metadata.model=b&metadata.run={run}", navigation.Uri);
        Assert.Contains(b, page.Markup);

        page.Find("[data-testid=clear-filters]").Click();

        page.WaitForAssertion(() => Assert.Contains(a, page.Markup), Patience);
        Assert.EndsWith("/live", navigation.Uri);
    }

    [Fact]
    public async Task OlderMatches_LoadOnRequest_UntilThereAreNoMore()
    {
        var run = Guid.NewGuid().ToString("N");
        var items = Enumerable.Range(0, LiveFeedPage.PageSize + 5).Select(i =>
        {
            var interactionId = $"i-{run}-{i}";
            return new
            {
                interactionId, type = "positive",
                interaction = new { id = interactionId, query = $"Question {i} of {run}", metadata = new Dictionary<string, string> { ["run"] = run } },
            };
        }).ToArray();
        (await Api.PostAsJsonAsync("/api/v1/feedback/batch", new { items })).EnsureSuccessStatusCode();
        SignInAs(AppRoles.ProductManager);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/live?metadata.run={run}");

        var page = Render<LiveFeedPage>();
        page.WaitForAssertion(() => Assert.Contains($"{LiveFeedPage.PageSize} shown", page.Markup), Patience);
        page.Find("[data-testid=load-older]").Click();

        page.WaitForAssertion(() => Assert.Contains($"{LiveFeedPage.PageSize + 5} shown", page.Markup), Patience);
        Assert.Empty(page.FindAll("[data-testid=load-older]"));
    }

    [Fact]
    public void ABadFilterInTheAddress_SaysSo_AndShowsEverything()
    {
        SignInAs(AppRoles.ProductManager);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/live?type=thumbs_sideways");

        var page = Render<LiveFeedPage>();

        page.WaitForAssertion(() => Assert.Contains("type", page.Find("[data-testid=address-error]").TextContent), Patience);
    }

    /// <returns>The interaction's query, unique to this item.</returns>
    private async Task<string> PostAsync(string run, string model)
    {
        var query = ApiClientExtensions.Unique($"Asked on {model}?");
        var interactionId = "i-" + Guid.NewGuid().ToString("N");
        var response = await Api.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId, type = "negative",
            interaction = new { id = interactionId, query, metadata = new Dictionary<string, string> { ["run"] = run, ["model"] = model } },
        });
        response.EnsureSuccessStatusCode();
        return query;
    }
}
