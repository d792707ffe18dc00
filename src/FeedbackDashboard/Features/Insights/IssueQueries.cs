using System.Text.Json;
using FeedbackDashboard.Core.Clustering;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Insights;

/// <summary>The common issues as the last clustering run left them, and the feedback behind each.</summary>
public sealed class IssueQueries(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    public const int MaxIssues = 50;

    public async Task<IReadOnlyList<IssueSummary>> ListAsync(int max = MaxIssues, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clusters = await db.IssueClusters.AsNoTracking()
            .Where(c => c.IsCurrent)
            .OrderByDescending(c => c.Frequency).ThenBy(c => c.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        return clusters.Select(IssueSummary.From).ToList();
    }

    public async Task<IssueSummary?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var cluster = await db.IssueClusters.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return cluster is null ? null : IssueSummary.From(cluster);
    }

    /// <summary>The feedback in one issue with its interactions, newest first.</summary>
    public async Task<PagedList<RelatedFeedbackDto>> FeedbackAsync(long issueId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var members = db.IssueClusterMembers.Where(m => m.IssueClusterId == issueId);
        var total = await members.CountAsync(cancellationToken);
        var rows = await members
            .Join(db.Feedback, m => m.FeedbackId, f => f.Id, (_, f) => f)
            .OrderByDescending(f => f.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new { Feedback = f, i.Query, i.Response })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new PagedList<RelatedFeedbackDto>(
            rows.Select(r => new RelatedFeedbackDto(FeedbackDto.From(r.Feedback), r.Query, r.Response, false)).ToList(), page, pageSize, total);
    }
}

/// <summary>A common issue: what it is about, how often, its daily trend over the window, and what users said.</summary>
/// <param name="IsCurrent">False when the latest run no longer found it (an old link).</param>
public sealed record IssueSummary(
    long Id,
    string Label,
    string RepresentativeText,
    int Frequency,
    IReadOnlyList<int> Trend,
    IReadOnlyList<string> SampleComments,
    bool IsCurrent,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset ComputedAt)
{
    public static IssueSummary From(IssueCluster c) => new(
        c.Id, c.Label, c.RepresentativeText, c.Frequency,
        JsonSerializer.Deserialize<int[]>(c.TrendJson) ?? [],
        JsonSerializer.Deserialize<string[]>(c.SamplesJson) ?? [],
        c.IsCurrent, c.FirstSeenAt, c.ComputedAt);
}
