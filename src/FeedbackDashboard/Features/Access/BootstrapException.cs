namespace FeedbackDashboard.Features.Access;

/// <summary>The app cannot start safely as configured; the message says what to set.</summary>
public sealed class BootstrapException(string message) : Exception(message);
