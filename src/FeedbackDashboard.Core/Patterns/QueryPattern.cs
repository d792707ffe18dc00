using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Core.Patterns;

/// <summary>A group of interactions that ask the same thing; triggers watch each pattern.</summary>
public sealed class QueryPattern
{
    public required string Key { get; init; }

    /// <summary>The first query seen for the pattern, shown to reviewers and matched against.</summary>
    public required string RepresentativeQuery { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The key came from the application: the pattern is joined by that key only, never by meaning.</summary>
    public bool FromApplication { get; init; }

    /// <summary>The representative query's embedding, which new queries are compared with.</summary>
    public float[]? Embedding { get; set; }
}
