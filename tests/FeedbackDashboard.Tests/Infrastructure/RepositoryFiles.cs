namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>Files of the repository the tests read: the compose file, the example settings, the datasets under tests/datasets.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FeedbackDashboard.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("FeedbackDashboard.sln not found above the test folder.");
    }
}
