namespace FeedbackDashboard.Core.Review;

/// <summary>A query pattern flagged for a person to look at.</summary>
public sealed class ReviewTask
{
    public const int MaxNoteLength = 4_000;

    public long Id { get; set; }
    public required string PatternKey { get; init; }
    public required string RepresentativeQuery { get; set; }
    public ReviewTaskStatus Status { get; set; } = ReviewTaskStatus.Open;
    public ReviewPriority Priority { get; set; }
    public required string SuggestedAction { get; set; }

    /// <summary>The feedback item whose arrival raised the task.</summary>
    public long TriggerFeedbackId { get; init; }

    public int RelatedCount { get; set; }
    public int NegativeCount { get; set; }
    public int CorrectionCount { get; set; }

    /// <summary>
    /// The newest related feedback id. After the task closes, the pattern's trigger window starts
    /// above it, so a resolved problem is not raised again from the same old feedback.
    /// </summary>
    public long LastFeedbackId { get; set; }

    /// <summary>The application whose feedback raised the task.</summary>
    public string Source { get; init; } = "";

    /// <summary>How much the pattern hurts users now, 0 to 100 (<see cref="TaskHealth"/>); the queue's default order.</summary>
    public double Severity { get; set; }

    /// <summary>The pattern's window has been back under the threshold for Review:RecoveringAfterItems items.</summary>
    public bool Recovering { get; set; }

    /// <summary>The negative share of the pattern's current window (its last WindowSize items), when severity was last assessed.</summary>
    public double CurrentNegativeShare { get; set; }

    /// <summary>The pattern's feedback items of the last 7 days, when severity was last assessed.</summary>
    public int RecentReach { get; set; }

    public string? AssigneeId { get; set; }

    /// <summary>The assignee's email, as people see it.</summary>
    public string? AssigneeName { get; set; }
    public string? ResolutionNote { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>
    /// Set while the task is open or in review, null after: a unique index on it means the
    /// database itself refuses a second active task for one pattern.
    /// </summary>
    public string? ActivePatternKey { get; set; }

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ReviewTaskFeedback> RelatedFeedback { get; init; } = [];

    public double NegativeShare => RelatedCount == 0 ? 0 : (double)NegativeCount / RelatedCount;

    /// <summary>Takes a fresh assessment of the pattern; true when anything shown changed.</summary>
    public bool ApplyHealth(TaskHealthAssessment health)
    {
        var changed = Severity != health.Severity || Recovering != health.Recovering
            || Math.Abs(CurrentNegativeShare - health.CurrentShare) > 1e-9 || RecentReach != health.RecentReach;
        (Severity, Recovering, CurrentNegativeShare, RecentReach) = (health.Severity, health.Recovering, health.CurrentShare, health.RecentReach);
        return changed;
    }

    /// <summary>Recomputes priority and suggested action after the counts changed.</summary>
    public void ApplyPolicy()
    {
        Priority = ReviewPolicy.PriorityFor(RelatedCount);
        SuggestedAction = ReviewPolicy.SuggestAction(CorrectionCount);
    }
}
