namespace FeedbackDashboard.Core.Triggers;

public sealed record TriggerEvaluation(int WindowCount, int NegativeCount, bool Fires)
{
    public double NegativeShare => WindowCount == 0 ? 0 : (double)NegativeCount / WindowCount;
}
