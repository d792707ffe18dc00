using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.FeedbackTokens;

/// <summary>What a valid token grants: feedback on this one interaction, until it expires.</summary>
public sealed record FeedbackGrant(string TokenId, string InteractionId, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues and reads feedback tokens: the interaction's id, the expiry and a random id, sealed with
/// ASP.NET Core Data Protection (encrypted and authenticated with the key ring every instance shares),
/// so any instance can check a token another issued, and nobody can make or change one. The expiry
/// is checked on the app's clock.
/// </summary>
public sealed class FeedbackTokenService(IDataProtectionProvider protection, IOptionsMonitor<FeedbackTokenOptions> options, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("FeedbackDashboard.FeedbackToken.v1");

    public FeedbackGrant Issue(string interactionId)
    {
        var grant = new FeedbackGrant(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            interactionId,
            time.GetUtcNow().AddMinutes(options.CurrentValue.LifetimeMinutes));
        return grant;
    }

    public string Seal(FeedbackGrant grant) =>
        _protector.Protect(string.Join('\n', grant.TokenId, grant.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), grant.InteractionId));

    /// <summary>The grant, or why the token is refused.</summary>
    public (FeedbackGrant? Grant, string? Refusal) Read(string token)
    {
        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return (null, "The feedback token is not valid.");
        }
        var parts = plain.Split('\n', 3);
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (null, "The feedback token is not valid.");
        }
        var grant = new FeedbackGrant(parts[0], parts[2], DateTimeOffset.FromUnixTimeSeconds(expires));
        return grant.ExpiresAt <= time.GetUtcNow() ? (null, "The feedback token has expired; ask the application for a new one.") : (grant, null);
    }
}
