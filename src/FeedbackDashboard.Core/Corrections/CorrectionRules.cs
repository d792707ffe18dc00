using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Core.Corrections;

public enum CorrectionAction
{
    Edit,
    Approve,
    Reject,
    Apply,
}

/// <summary>What each status allows, and the checks on what a reviewer types. Pure, so it is a table in the tests.</summary>
public static class CorrectionRules
{
    /// <summary>Null when allowed; else why not, in words a reviewer reads.</summary>
    public static string? Refusal(CorrectionStatus status, CorrectionAction action) => (status, action) switch
    {
        (CorrectionStatus.Applied, CorrectionAction.Apply) => null, // idempotent: nothing changes
        (CorrectionStatus.Applied, _) => "It is already applied; a later correction can change what it made.",
        (CorrectionStatus.Rejected, CorrectionAction.Apply) => "It was rejected; approve it first.",
        (CorrectionStatus.Pending, CorrectionAction.Apply) => "Approve it before applying it.",
        (CorrectionStatus.Rejected, CorrectionAction.Reject) => null,
        _ => null,
    };

    public static ValidationErrors ValidateText(string? text, string field = "text")
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "The correction needs text.");
        }
        else if (text.Length > Correction.MaxTextLength)
        {
            errors.Add(field, $"At most {Correction.MaxTextLength:N0} characters.");
        }
        return errors;
    }

    public static ValidationErrors ValidateReason(string? reason)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Say why it is rejected: a reason is required.");
        }
        else if (reason.Length > Correction.MaxReasonLength)
        {
            errors.Add("reason", $"At most {Correction.MaxReasonLength:N0} characters.");
        }
        return errors;
    }

    /// <summary>The status after the action (the same status when it changes nothing).</summary>
    public static CorrectionStatus Next(CorrectionStatus status, CorrectionAction action) => action switch
    {
        CorrectionAction.Approve => CorrectionStatus.Approved,
        CorrectionAction.Reject => CorrectionStatus.Rejected,
        CorrectionAction.Apply => CorrectionStatus.Applied,
        _ => status,
    };
}
