namespace FeedbackDashboard.Features.Access;

[Flags]
public enum ApiKeyScopes
{
    None = 0,

    /// <summary>Post interactions and feedback, single or batch.</summary>
    Ingest = 1,

    /// <summary>Read insights and review tasks (and, later, knowledge and instructions).</summary>
    Read = 2,

    All = Ingest | Read,
}

public static class ApiKeyScopeNames
{
    public const string ClaimType = "scope";
    public const string Ingest = "ingest";
    public const string Read = "read";

    public static IEnumerable<string> Of(ApiKeyScopes scopes)
    {
        if (scopes.HasFlag(ApiKeyScopes.Ingest))
        {
            yield return Ingest;
        }
        if (scopes.HasFlag(ApiKeyScopes.Read))
        {
            yield return Read;
        }
    }
}
