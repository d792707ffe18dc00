namespace FeedbackDashboard.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
