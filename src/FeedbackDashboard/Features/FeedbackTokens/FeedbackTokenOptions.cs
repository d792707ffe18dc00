using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Features.FeedbackTokens;

/// <summary>Short-lived tokens that let an end user's browser send feedback on one interaction, without a key in the page.</summary>
public sealed class FeedbackTokenOptions
{
    public const string SectionName = "FeedbackTokens";

    /// <summary>The web origins (https://app.example.com) whose pages may post feedback with a token; CORS answers only them.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    [Range(1, 7 * 24 * 60)]
    public int LifetimeMinutes { get; set; } = 60;
}
