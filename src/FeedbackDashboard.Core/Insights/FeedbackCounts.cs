using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Core.Insights;

/// <summary>
/// What a set of feedback adds to one aggregate row. Adding is commutative, so a batch can be
/// folded in memory and written as one increment per row.
/// </summary>
public sealed record FeedbackCounts
{
    public int ThumbsUp { get; init; }
    public int ThumbsDown { get; init; }
    public int Corrections { get; init; }
    public int Ratings { get; init; }
    public long RatingSum { get; init; }
    public int Rating1 { get; init; }
    public int Rating2 { get; init; }
    public int Rating3 { get; init; }
    public int Rating4 { get; init; }
    public int Rating5 { get; init; }

    public int Total => ThumbsUp + ThumbsDown + Corrections + Ratings;

    /// <summary>Ratings of 1 or 2: the pattern aggregate keeps them for the low-ratings option.</summary>
    public int LowRatings => Rating1 + Rating2;

    public static FeedbackCounts Of(FeedbackType type, int? rating) => type switch
    {
        FeedbackType.ThumbsUp => new() { ThumbsUp = 1 },
        FeedbackType.ThumbsDown => new() { ThumbsDown = 1 },
        FeedbackType.Correction => new() { Corrections = 1 },
        FeedbackType.Rating => new()
        {
            Ratings = 1,
            RatingSum = rating ?? 0,
            Rating1 = rating == 1 ? 1 : 0,
            Rating2 = rating == 2 ? 1 : 0,
            Rating3 = rating == 3 ? 1 : 0,
            Rating4 = rating == 4 ? 1 : 0,
            Rating5 = rating == 5 ? 1 : 0,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static FeedbackCounts operator +(FeedbackCounts a, FeedbackCounts b) => new()
    {
        ThumbsUp = a.ThumbsUp + b.ThumbsUp,
        ThumbsDown = a.ThumbsDown + b.ThumbsDown,
        Corrections = a.Corrections + b.Corrections,
        Ratings = a.Ratings + b.Ratings,
        RatingSum = a.RatingSum + b.RatingSum,
        Rating1 = a.Rating1 + b.Rating1,
        Rating2 = a.Rating2 + b.Rating2,
        Rating3 = a.Rating3 + b.Rating3,
        Rating4 = a.Rating4 + b.Rating4,
        Rating5 = a.Rating5 + b.Rating5,
    };

    public static readonly FeedbackCounts Zero = new();
}
