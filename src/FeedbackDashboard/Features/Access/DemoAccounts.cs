namespace FeedbackDashboard.Features.Access;

/// <summary>One account per role, created on an empty database in Development only. Also in the README.</summary>
public static class DemoAccounts
{
    public sealed record Account(string Email, string Password, string Role);

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin@demo.local", "Admin-Demo-2026", AppRoles.Admin),
        new("reviewer@demo.local", "Reviewer-Demo-2026", AppRoles.Reviewer),
        new("pm@demo.local", "Manager-Demo-2026", AppRoles.ProductManager),
    ];
}
