using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Corrections;

/// <summary>GET /api/v1/datasets/corrections: approved and applied corrections as JSONL, with what the application sent.</summary>
public class CorrectionDatasetTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    private async Task<long> CorrectAsync(string source, string query, string correction, Dictionary<string, string> metadata)
    {
        var interactionId = "i-" + Guid.NewGuid().ToString("N");
        (await _client.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId, type = "correction", value = correction,
            interaction = new { id = interactionId, query, response = "An old answer.", source, metadata },
        })).EnsureSuccessStatusCode();
        var corrections = app.Services.GetRequiredService<CorrectionQueries>();
        var listed = await corrections.ListAsync(new CorrectionFilter(Source: source, PageSize: 200));
        return listed.Items.Single(c => c.Text == correction).Id;
    }

    private async Task<List<JsonObject>> ReadAsync(string query)
    {
        var response = await _client.GetAsync("/api/v1/datasets/corrections?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    }

    [Fact]
    public async Task ApprovedAndAppliedCorrections_AreLines_WithQueryAnswerCorrectionAndMetadata_PendingAndRejectedAreNot()
    {
        var source = "dataset-" + Guid.NewGuid().ToString("N")[..8];
        var reviewer = TestPrincipals.WithRole(AppRoles.Reviewer);
        var actions = app.Services.GetRequiredService<CorrectionActions>();
        var approved = await CorrectAsync(source, "How long is the warranty?", "Two years in the EU.", new() { ["promptVersion"] = "v42" });
        var applied = await CorrectAsync(source, "Do you ship to Norway?", "Yes, in 3-5 days.", []);
        var rejected = await CorrectAsync(source, "Is it waterproof?", "Totally, dive with it.", []);
        await CorrectAsync(source, "Can I pay later?", "Yes, with Klarna.", []); // stays pending
        Assert.IsType<FeedbackDashboard.Features.Shared.ActionOutcome<FeedbackDashboard.Contracts.CorrectionDto>.Done>(await actions.ApproveAsync(reviewer, approved));
        await actions.ApproveAsync(reviewer, applied);
        await actions.ApplyAsync(reviewer, applied);
        await actions.RejectAsync(reviewer, rejected, "Not true.");

        var lines = await ReadAsync($"source={source}");

        Assert.Equal(["Two years in the EU.", "Yes, in 3-5 days."], lines.Select(l => (string)l["correction"]!));
        var first = lines[0];
        Assert.Equal("How long is the warranty?", (string)first["query"]!);
        Assert.Equal("An old answer.", (string)first["response"]!);
        Assert.Equal("knowledge", (string)first["kind"]!);
        Assert.Equal(source, (string)first["source"]!);
        Assert.Equal("v42", (string)first["metadata"]!["promptVersion"]!);
        Assert.Empty(await ReadAsync($"source={source}&from={Uri.EscapeDataString(app.Clock.GetUtcNow().AddMinutes(1).ToString("O"))}"));
    }

    [Fact]
    public async Task ABadTime_Is400NamingIt()
    {
        var response = await _client.GetAsync("/api/v1/datasets/corrections?to=soon");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("to"));
    }
}
