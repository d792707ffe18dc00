namespace FeedbackDashboard.Features.Shared;

public static class ApiPaths
{
    /// <summary>Where every endpoint of the HTTP API lives.</summary>
    public const string ApiPrefix = "/api/v1";

    /// <summary>Machine-facing paths answer 401/403 instead of redirecting to the sign-in page.</summary>
    public static bool IsMachineFacing(PathString path) =>
        path.StartsWithSegments(ApiPrefix) || path.StartsWithSegments("/hubs");
}
