using Microsoft.AspNetCore.Identity;

namespace FeedbackDashboard.Data;

public class ApplicationUser : IdentityUser
{
}
