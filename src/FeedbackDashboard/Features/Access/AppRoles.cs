namespace FeedbackDashboard.Features.Access;

/// <summary>The three roles. Each includes what the one before may do.</summary>
public static class AppRoles
{
    public const string ProductManager = "ProductManager";
    public const string Reviewer = "Reviewer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [ProductManager, Reviewer, Admin];

    public static string DisplayName(string role) => role switch
    {
        ProductManager => "Product manager",
        _ => role,
    };
}
