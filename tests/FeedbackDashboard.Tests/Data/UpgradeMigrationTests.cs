using FeedbackDashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FeedbackDashboard.Tests.Data;

/// <summary>
/// A database in use before issue 16, upgraded: meaning-based pattern keys move to the "q:"
/// namespace everywhere they appear (an application's keys stay as sent), the pattern counts are
/// rebuilt by source from the feedback, and the issues' daily counts from their members.
/// </summary>
public sealed class UpgradeMigrationTests : IDisposable
{
    private const string Before = "SharedDataProtectionKeys";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"upgrade-{Guid.NewGuid():N}.db");

    private SqliteFeedbackDbContext Context() =>
        new(DesignTime.Options<SqliteFeedbackDbContext>().UseSqlite($"Data Source={_path}").Options);

    private static long Ticks(DateTimeOffset at) => ((at.Ticks / 1000) << 11) | ((long)at.Offset.TotalMinutes & 0x7FF);

    [Fact]
    public async Task Upgrade_MovesMeaningKeys_AndRebuildsCountsBySource()
    {
        var day1 = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var day2 = day1.AddDays(1);
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            // Rows as the app of that version wrote them (times as EF Core's DateTimeOffsetToBinaryConverter stores them).
            var rows = $"""
                INSERT INTO QueryPatterns (Key, RepresentativeQuery, CreatedAt, FromApplication) VALUES
                  ('how do i reset my password', 'How do I reset my password?', {Ticks(day1)}, 0),
                  ('billing', 'Billing question', {Ticks(day1)}, 1);
                INSERT INTO Interactions (Id, Query, Source, PatternKey, RequestedPattern, Metadata, CreatedAt) VALUES
                  ('i1', 'How do I reset my password?', 'bot-a', 'how do i reset my password', NULL, '{"{}"}', {Ticks(day1)}),
                  ('i2', 'reset password', 'bot-b', 'how do i reset my password', NULL, '{"{}"}', {Ticks(day2)}),
                  ('i3', 'An invoice?', 'bot-a', 'billing', 'billing', '{"{}"}', {Ticks(day2)});
                INSERT INTO Feedback (InteractionId, Type, Rating, CreatedAt, PatternKey, Source, ProcessedAt) VALUES
                  ('i1', 2, NULL, {Ticks(day1)}, 'how do i reset my password', 'bot-a', {Ticks(day1)}),
                  ('i1', 1, NULL, {Ticks(day1)}, 'how do i reset my password', 'bot-a', {Ticks(day1)}),
                  ('i2', 2, NULL, {Ticks(day2)}, 'how do i reset my password', 'bot-b', {Ticks(day2)}),
                  ('i2', 4, 1, {Ticks(day2)}, 'how do i reset my password', 'bot-b', {Ticks(day2)}),
                  ('i3', 3, NULL, {Ticks(day2)}, 'billing', 'bot-a', {Ticks(day2)});
                INSERT INTO PatternDailyAggregates (Day, PatternKey, Total, ThumbsUp, ThumbsDown, LowRatings, Corrections) VALUES
                  ('2026-11-20', 'how do i reset my password', 2, 1, 1, 0, 0),
                  ('2026-11-21', 'how do i reset my password', 2, 0, 1, 1, 0),
                  ('2026-11-21', 'billing', 1, 0, 0, 0, 1);
                INSERT INTO ReviewTasks (PatternKey, ActivePatternKey, RepresentativeQuery, Status, Priority, SuggestedAction, TriggerFeedbackId,
                    RelatedCount, NegativeCount, CorrectionCount, LastFeedbackId, Source, CreatedAt, UpdatedAt, Version)
                  VALUES ('how do i reset my password', 'how do i reset my password', 'How do I reset my password?', 1, 1, 'Review', 3,
                    4, 2, 0, 4, 'bot-b', {Ticks(day2)}, {Ticks(day2)}, '00000000-0000-0000-0000-000000000001');
                INSERT INTO IssueClusters (Label, RepresentativeText, Frequency, TrendJson, SamplesJson, IsCurrent, FirstSeenAt, ComputedAt)
                  VALUES ('reset', 'reset', 0, '[]', '[]', 1, {Ticks(day2)}, {Ticks(day2)});
                INSERT INTO IssueClusterMembers (IssueClusterId, FeedbackId) VALUES (1, 1), (1, 3);
                """;
            // Run as a raw command: the SQL holds JSON braces that ExecuteSqlRaw would read as format placeholders.
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = rows;
            await command.ExecuteNonQueryAsync();
        }

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();

            Assert.Equal(["billing", "q:how do i reset my password"], await db.QueryPatterns.Select(p => p.Key).OrderBy(k => k).ToListAsync());
            Assert.Equal(["q:how do i reset my password", "q:how do i reset my password", "billing"],
                await db.Interactions.OrderBy(i => i.Id).Select(i => i.PatternKey!).ToListAsync());
            Assert.All(await db.Feedback.Where(f => f.Type != Core.Feedback.FeedbackType.Correction).ToListAsync(),
                f => Assert.Equal("q:how do i reset my password", f.PatternKey));
            var task = await db.ReviewTasks.SingleAsync();
            Assert.Equal(("q:how do i reset my password", "q:how do i reset my password"), (task.PatternKey, task.ActivePatternKey));

            var counts = await db.PatternDailyAggregates.OrderBy(a => a.Day).ThenBy(a => a.PatternKey).ToListAsync();
            Assert.Equal(
                [
                    (new DateOnly(2026, 11, 20), "q:how do i reset my password", "bot-a", 2, 1, 1, 0),
                    (new DateOnly(2026, 11, 21), "billing", "bot-a", 1, 0, 0, 0),
                    (new DateOnly(2026, 11, 21), "q:how do i reset my password", "bot-b", 2, 0, 1, 1),
                ],
                counts.Select(a => (a.Day, a.PatternKey, a.Source, a.Total, a.ThumbsUp, a.ThumbsDown, a.LowRatings)).ToList());

            var issueCounts = await db.IssueDailyAggregates.OrderBy(a => a.Day).Select(a => new { a.Day, a.Source, a.Count }).ToListAsync();
            Assert.Equal([(new DateOnly(2026, 11, 20), "bot-a", 1), (new DateOnly(2026, 11, 21), "bot-b", 1)], issueCounts.Select(a => (a.Day, a.Source, a.Count)).ToList());
            Assert.Equal(2, (await db.IssueClusters.SingleAsync()).Frequency);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
