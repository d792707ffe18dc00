using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;

namespace FeedbackDashboard.Core.Tests.Insights;

public class FeedbackCountsTests
{
    [Fact]
    public void Sum_CountsEachTypeAndEachRatingValue()
    {
        var sum = new[]
            {
                FeedbackCounts.Of(FeedbackType.ThumbsUp, null),
                FeedbackCounts.Of(FeedbackType.ThumbsUp, null),
                FeedbackCounts.Of(FeedbackType.ThumbsDown, null),
                FeedbackCounts.Of(FeedbackType.Correction, null),
                FeedbackCounts.Of(FeedbackType.Rating, 2),
                FeedbackCounts.Of(FeedbackType.Rating, 5),
            }
            .Aggregate(FeedbackCounts.Zero, (a, b) => a + b);

        Assert.Equal(6, sum.Total);
        Assert.Equal(2, sum.ThumbsUp);
        Assert.Equal(1, sum.ThumbsDown);
        Assert.Equal(1, sum.Corrections);
        Assert.Equal(2, sum.Ratings);
        Assert.Equal(7, sum.RatingSum);
        Assert.Equal(1, sum.Rating2);
        Assert.Equal(1, sum.Rating5);
        Assert.Equal(1, sum.LowRatings);
    }

    [Theory]
    [InlineData(0, 0, 0.0)]
    [InlineData(3, 4, 0.75)]
    public void PositiveRate_IsThumbsUpOverAll(int up, int total, double expected) =>
        Assert.Equal(expected, InsightMath.PositiveRate(up, total));

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(83, 17, 0.83)]
    [InlineData(0, 5, 0.0)]
    public void ThumbsUpShare_IsThumbsUpAmongThumbs(int up, int down, double? expected) =>
        Assert.Equal(expected, InsightMath.ThumbsUpShare(up, down));

    [Theory]
    [InlineData(160, 1, 30, false)]  // one busy day before a 30-day window: not comparable
    [InlineData(99, 30, 30, false)]  // too few items
    [InlineData(100, 15, 30, true)]
    [InlineData(500, 4, 7, true)]
    [InlineData(500, 3, 7, false)]
    [InlineData(100, 1, 1, true)]
    public void EnoughForChange_NeedsItemsAndHalfTheDays(int total, int days, int windowDays, bool expected) =>
        Assert.Equal(expected, InsightMath.EnoughForChange(total, days, windowDays));

    [Fact]
    public void LastDays_IncludesTodayAndGoesBackDaysMinusOne()
    {
        var window = InsightWindow.LastDays(30, new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 10, 30), window.From);
        Assert.Equal(new DateOnly(2026, 11, 28), window.To);
    }
}
