using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Changes;

/// <summary>Wakes the verdict worker early: a change was published.</summary>
public sealed class ChangeSignal : WakeSignal;
