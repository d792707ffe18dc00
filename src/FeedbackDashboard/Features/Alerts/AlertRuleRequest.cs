using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Alerts;
using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Features.Alerts;

/// <summary>
/// The body of POST and PUT /api/v1/alert-rules. The simplest rule:
/// <c>{"name", "source", "metric": "positive_rate", "below": 0.5, "windowItems": 20}</c>.
/// </summary>
public sealed record AlertRuleRequest(
    string? Name,
    string? Metric,
    string? Source = null,
    string? Pattern = null,
    string? SegmentKey = null,
    string? SegmentValue = null,
    double? Below = null,
    double? DropBy = null,
    int? WindowItems = null,
    int? WindowMinutes = null,
    int? MinItems = null,
    double? Above = null,
    bool? Enabled = null)
{
    public ValidationErrors Validate(out AlertMetric metric)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > AlertRule.MaxNameLength)
        {
            errors.Add("name", $"Give the rule a name of at most {AlertRule.MaxNameLength} characters.");
        }
        if (!WireNames.TryParse(Metric, out metric))
        {
            errors.Add("metric", $"Use one of {string.Join(", ", WireNames.All<AlertMetric>())}.");
            return errors;
        }
        if (Source is { Length: > Interaction.MaxSourceLength })
        {
            errors.Add("source", $"At most {Interaction.MaxSourceLength} characters.");
        }
        if (Pattern is { Length: > Interaction.MaxPatternLength })
        {
            errors.Add("pattern", $"At most {Interaction.MaxPatternLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(SegmentKey) != string.IsNullOrWhiteSpace(SegmentValue))
        {
            errors.Add(string.IsNullOrWhiteSpace(SegmentKey) ? "segmentKey" : "segmentValue", "Give segmentKey and segmentValue together.");
        }
        switch (metric)
        {
            case AlertMetric.PositiveRate:
                ValidatePositiveRate(errors);
                break;
            case AlertMetric.TaskSeverity when Above is not (>= 0 and < 100):
                errors.Add("above", "A task_severity rule fires above a severity from 0 to 100: give \"above\".");
                break;
        }
        return errors;
    }

    private void ValidatePositiveRate(ValidationErrors errors)
    {
        if ((Below is null) == (DropBy is null))
        {
            errors.Add("below", "A positive_rate rule needs \"below\" (a rate from 0 to 1) or \"dropBy\" (a fall from 0 to 1), one of the two.");
        }
        if (Below is < 0 or > 1)
        {
            errors.Add("below", "A rate from 0 to 1 (0.5 is 50%).");
        }
        if (DropBy is <= 0 or > 1)
        {
            errors.Add("dropBy", "A fall from 0 to 1 (0.1 is 10 points).");
        }
        if ((WindowItems is null) == (WindowMinutes is null))
        {
            errors.Add("windowItems", "Give the window as \"windowItems\" (the last N items) or \"windowMinutes\" (the last T minutes), one of the two.");
        }
        if (WindowItems is < 1 or > AlertRule.MaxWindowItems)
        {
            errors.Add("windowItems", $"From 1 to {AlertRule.MaxWindowItems}.");
        }
        if (WindowMinutes is < 1 or > AlertRule.MaxWindowMinutes)
        {
            errors.Add("windowMinutes", $"From 1 to {AlertRule.MaxWindowMinutes} (a week).");
        }
        if (MinItems is < 1 or > AlertRule.MaxWindowItems)
        {
            errors.Add("minItems", $"From 1 to {AlertRule.MaxWindowItems}.");
        }
    }

    public void CopyTo(AlertRule rule, AlertMetric metric)
    {
        rule.Name = Name!.Trim();
        rule.Metric = metric;
        rule.Source = Blank(Source);
        rule.Pattern = Blank(Pattern);
        rule.SegmentKey = Blank(SegmentKey);
        rule.SegmentValue = Blank(SegmentValue);
        var rate = metric == AlertMetric.PositiveRate;
        rule.Below = rate ? Below : null;
        rule.DropBy = rate ? DropBy : null;
        rule.WindowItems = rate ? WindowItems : null;
        rule.WindowMinutes = rate ? WindowMinutes : null;
        rule.MinItems = rate ? MinItems : null;
        rule.Above = metric == AlertMetric.TaskSeverity ? Above : null;
        rule.Enabled = Enabled ?? true;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
