using Microsoft.AspNetCore.Identity;

namespace FeedbackDashboard.Data;

public class ApplicationUser : IdentityUser
{
    /// <summary>
    /// Disabled by an admin: cannot sign in, and open sessions end. Kept apart from lockout (failed
    /// sign-ins, which ends by itself); a lockout end of DateTimeOffset.MaxValue did not survive SQLite.
    /// </summary>
    public bool IsDisabled { get; set; }
}
