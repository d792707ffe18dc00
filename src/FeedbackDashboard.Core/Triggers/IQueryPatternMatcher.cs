namespace FeedbackDashboard.Core.Triggers;

/// <summary>
/// Decides which query pattern an interaction belongs to. The first implementation folds the
/// query text; the semantic one replaces it without touching its callers.
/// </summary>
public interface IQueryPatternMatcher
{
    ValueTask<PatternMatch> MatchAsync(PatternRequest request, CancellationToken cancellationToken);
}

/// <param name="RequestedPattern">The key the application sent; it wins when present.</param>
public sealed record PatternRequest(string Query, string Source, string? RequestedPattern);

/// <param name="Key">The pattern's stable key.</param>
/// <param name="RepresentativeQuery">The text shown for the pattern when it is new.</param>
public sealed record PatternMatch(string Key, string RepresentativeQuery);
