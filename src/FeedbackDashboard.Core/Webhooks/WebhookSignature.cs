using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FeedbackDashboard.Core.Webhooks;

/// <summary>
/// Stripe's scheme: the header <c>FeedbackDashboard-Signature: t=UNIX_SECONDS,v1=HEX</c>, where HEX is
/// HMAC-SHA256 of "{t}.{body}" under the subscription's secret. The timestamp inside the signed text
/// lets a receiver refuse replays older than a few minutes.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "FeedbackDashboard-Signature";

    public static string Header(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Compute(secret, timestamp, body)}";
    }

    /// <summary>What a receiver does: true when the header signs this body with this secret within the tolerance.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (!parts.TryGetValue("t", out var timestamp) || !parts.TryGetValue("v1", out var signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private static string Compute(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
