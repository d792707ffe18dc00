using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeedbackDashboard.Tests.Infrastructure;

public static class ApiClientExtensions
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<HttpResponseMessage> PostInteractionAsync(this HttpClient client, string id, string query, string? pattern = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/interactions", new { id, query, response = "An answer.", source = "tests", pattern });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>Posts one feedback item on a fresh interaction of the given query.</summary>
    public static async Task<HttpResponseMessage> PostFeedbackAsync(this HttpClient client, string query, string type,
        object? value = null, string? comment = null, string? pattern = null, string source = "tests", string? id = null)
    {
        var interactionId = "i-" + Guid.NewGuid().ToString("N");
        return await client.PostAsJsonAsync("/api/v1/feedback", new
        {
            id,
            interactionId,
            type,
            value,
            comment,
            interaction = new { id = interactionId, query, response = "An answer.", source, pattern },
        });
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<JsonArray> GetItemsAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    public static string Unique(string prefix = "q") => $"{prefix} {Guid.NewGuid():N}";

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
