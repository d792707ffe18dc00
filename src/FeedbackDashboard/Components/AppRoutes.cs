using FeedbackDashboard.Features.Feedback;

namespace FeedbackDashboard.Components;

/// <summary>Every page's route, in one place.</summary>
public static class AppRoutes
{
    public const string Overview = "/";
    public const string LiveFeed = "/live";
    public const string ReviewQueue = "/review";
    public const string Issues = "/issues";
    public const string Corrections = "/corrections";
    public const string Knowledge = "/knowledge";
    public const string Instructions = "/instructions";
    public const string Audit = "/audit";
    public const string Admin = "/admin";
    public const string Task = "/tasks/{id:long}";

    /// <summary>An interaction's page: what the application sent, its metadata and its feedback.</summary>
    public static string InteractionPage(string id) => $"/interactions/{Uri.EscapeDataString(id)}";

    /// <summary>The live feed showing only the feedback on interactions whose metadata has this value.</summary>
    public static string LiveFeedWithMetadata(string key, string value, string? source = null) =>
        $"{LiveFeed}?{new FeedbackFilter(Source: source, Metadata: new Dictionary<string, string> { [key] = value }).ToQueryString()}";

    /// <summary>A review task's own page, for every role (read-only for product managers).</summary>
    public static string TaskPage(long id) => $"/tasks/{id}";
}
