using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// Bound from "SignIn". A client address is refused further attempts after
/// <see cref="MaxFailuresPerAddress"/> failures within <see cref="WindowMinutes"/>, which is fewer than
/// the failures that lock an account (<see cref="MaxFailuresPerAccount"/>): one address can slow itself
/// down but not lock anyone out.
/// </summary>
public sealed class SignInLimitsOptions
{
    public const string SectionName = "SignIn";

    [Range(1, 1000)]
    public int MaxFailuresPerAddress { get; set; } = 5;

    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 15;

    /// <summary>Failures in a row, from anywhere, that pause an account for <see cref="LockoutMinutes"/>.</summary>
    [Range(2, 1000)]
    public int MaxFailuresPerAccount { get; set; } = 10;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;
}
