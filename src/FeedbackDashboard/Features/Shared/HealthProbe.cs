namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// `FeedbackDashboard --health-probe URL` asks a running instance for its health and exits 0 or 1,
/// for container health checks in images that have no curl.
/// </summary>
public static class HealthProbe
{
    public const string Switch = "--health-probe";

    public static bool IsRequested(string[] args) => args.Length == 2 && args[0] == Switch;

    public static async Task<int> RunAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
