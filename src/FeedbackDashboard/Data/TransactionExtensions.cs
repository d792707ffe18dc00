using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Data;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs the work in a transaction through the provider's execution strategy: on SQL Server a
    /// transient failure (a deadlock victim, a dropped connection) runs it again from the start, with
    /// the context's tracked state cleared. The work must therefore read what it needs inside; it
    /// commits when the work returns, unless the work says not to.
    /// </summary>
    public static Task<T> TransactAsync<T>(this FeedbackDbContext db, Func<CancellationToken, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var (result, commit) = await work(token);
            if (commit)
            {
                await transaction.CommitAsync(token);
            }
            return result;
        }, cancellationToken);

    public static Task<T> TransactAsync<T>(this FeedbackDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.TransactAsync(async token => (await work(token), true), cancellationToken);
}
