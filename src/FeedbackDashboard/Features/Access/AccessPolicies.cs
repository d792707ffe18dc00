namespace FeedbackDashboard.Features.Access;

/// <summary>The authorization policies every page, endpoint and hub method names.</summary>
public static class AccessPolicies
{
    /// <summary>Signed in with any role: Overview, Issues, Live feed (read only).</summary>
    public const string Read = "Read";

    /// <summary>Reviewers and admins: the review queue and corrections.</summary>
    public const string Review = "Review";

    /// <summary>Admins: people, API keys, trigger options.</summary>
    public const string Administer = "Administer";

    /// <summary>An API key with the ingest scope.</summary>
    public const string ApiIngest = "ApiIngest";

    /// <summary>Sending feedback: an API key with the ingest scope, or an end user's feedback token (for its one interaction).</summary>
    public const string ApiFeedback = "ApiFeedback";

    /// <summary>An API key with the read scope, or a signed-in person with any role.</summary>
    public const string ApiRead = "ApiRead";

    /// <summary>
    /// Starting work that takes the server's CPU (a re-clustering): a signed-in person with any role, or
    /// an API key with the ingest scope. A read-only key may read the results but not start a run.
    /// </summary>
    public const string ApiStartJobs = "ApiStartJobs";

    /// <summary>A signed-in reviewer or admin acting on review tasks through the API; keys are refused.</summary>
    public const string ApiReview = "ApiReview";

    /// <summary>A signed-in admin through the API (webhooks, the audit log); keys are refused.</summary>
    public const string ApiAdminister = "ApiAdminister";
}
