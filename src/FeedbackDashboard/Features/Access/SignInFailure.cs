namespace FeedbackDashboard.Features.Access;

/// <summary>One failed sign-in from a client address (an IPv4 address or an IPv6 /64), for the per-address limit.</summary>
public sealed class SignInFailure
{
    public const int MaxAddressLength = 64;

    public long Id { get; init; }
    public required string Address { get; init; }
    public DateTimeOffset At { get; init; }
}
