namespace FeedbackDashboard.Components.Account;

/// <summary>
/// A return address after sign-in or sign-out, kept only when it is a path of this app: anything
/// else (another host, `//x`, `\\x`, a scheme such as `javascript:` or `data:`, control characters)
/// becomes "/". Never throws, so a hostile value cannot turn a correct sign-in into an error.
/// </summary>
public static class LocalReturnUrl
{
    public static string Of(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(c => char.IsControl(c) || c == '\\'))
        {
            return "/";
        }
        var colon = url.IndexOf(':');
        var pathEnd = url.IndexOfAny(['/', '?', '#']);
        if (colon >= 0 && (pathEnd < 0 || colon < pathEnd))
        {
            return "/"; // a scheme: https:, javascript:, data:
        }
        var path = url.StartsWith('/') ? url : "/" + url;
        return path.StartsWith("//", StringComparison.Ordinal) || !Uri.IsWellFormedUriString(path, UriKind.Relative) ? "/" : path;
    }
}
