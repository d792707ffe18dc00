namespace FeedbackDashboard.Features.Access;

public static class ApiPaths
{
    /// <summary>Machine-facing paths answer 401/403 instead of redirecting to the sign-in page.</summary>
    public static bool IsMachineFacing(PathString path) =>
        path.StartsWithSegments(ApiEndpoints.ApiPrefix) || path.StartsWithSegments("/hubs");
}
