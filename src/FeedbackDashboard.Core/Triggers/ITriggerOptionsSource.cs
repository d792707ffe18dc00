namespace FeedbackDashboard.Core.Triggers;

/// <summary>
/// The trigger options in force. Review judges a task's health by the same rule that opened it, and
/// reads the rule through this, so it does not depend on where the Triggers feature keeps it.
/// </summary>
public interface ITriggerOptionsSource
{
    ValueTask<TriggerOptions> GetAsync(CancellationToken cancellationToken = default);
}
