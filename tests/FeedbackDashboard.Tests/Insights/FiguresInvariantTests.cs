using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Insights;

/// <summary>
/// The proof that the figures people decide from are right: 100 days of generated feedback from
/// three sources (ratings, thumbs, corrections; items on both sides of UTC midnight), issues
/// clustered and then joined live, corrections applied and rejected, tasks claimed, resolved,
/// dismissed and reopened. For windows of 7, 30 and 90 days and a custom range, each source and
/// all of them, every insights field, every issue's frequency and trend, and every figure of the
/// Overview equal what is counted here, straight from the raw rows.
/// </summary>
public sealed class FiguresInvariantTests(FiguresInvariantTests.GeneratedData data) : IClassFixture<FiguresInvariantTests.GeneratedData>
{
    private static readonly string[] Sources = ["web", "mobile", "support-bot"];

    public static TheoryData<string, string?> Windows()
    {
        var rows = new TheoryData<string, string?>();
        foreach (var window in new[] { "days=7", "days=30", "days=90", "from=2026-12-20&to=2027-01-31" })
        {
            foreach (var source in Sources.Append(null))
            {
                rows.Add(window, source);
            }
        }
        return rows;
    }

    [Fact]
    public async Task TheGeneratedHistory_HasEveryCaseTheFiguresMustSurvive()
    {
        var all = await data.ExpectAsync("days=90", null);
        await using var db = data.App.CreateDbContext();

        Assert.InRange(all.Total, 1000, 3000);
        Assert.True(all.Issues.Count >= 3, $"{all.Issues.Count} issues");
        Assert.True(all.Issues.Sum(i => i.Frequency) > all.Down / 2, "most complaints belong to an issue");
        Assert.Null(all.PositiveRateChange); // the 90 days before hold only 10 days of feedback
        Assert.NotNull((await data.ExpectAsync("days=30", null)).PositiveRateChange);
        Assert.True(all.Opportunities.Any(o => o.TaskId is not null) && all.Opportunities.Any(o => o.PatternKey.StartsWith("q:", StringComparison.Ordinal)));
        Assert.Subset((await db.Corrections.Select(c => c.Status).ToListAsync()).ToHashSet(),
            new HashSet<CorrectionStatus> { CorrectionStatus.Pending, CorrectionStatus.Rejected, CorrectionStatus.Applied });
        Assert.Equal(4, await db.ReviewTasks.Select(t => t.Status).Distinct().CountAsync());
        var run = await db.IssueRuns.SingleAsync();
        var joinedLive = await db.IssueClusterMembers.Join(db.Feedback, m => m.FeedbackId, f => f.Id, (_, f) => f.CreatedAt).ToListAsync();
        Assert.Contains(joinedLive, at => at > run.FinishedAt);
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task EveryInsightsField_EqualsTheRawRows(string window, string? source)
    {
        var expected = await data.ExpectAsync(window, source);
        var insights = await (await data.Api.GetAsync($"/api/v1/insights?{window}{SourceQuery(source)}")).ReadJsonAsync();

        Assert.Equal(expected.From, DateOnly.Parse((string)insights["from"]!, CultureInfo.InvariantCulture));
        Assert.Equal(expected.To, DateOnly.Parse((string)insights["to"]!, CultureInfo.InvariantCulture));
        Assert.Equal(expected.Total, (int)insights["totalFeedback"]!);
        Assert.Equal(expected.Up, (int)insights["countsByType"]!["positive"]!);
        Assert.Equal(expected.Down, (int)insights["countsByType"]!["negative"]!);
        Assert.Equal(expected.Corrections, (int)insights["countsByType"]!["correction"]!);
        Assert.Equal(expected.Ratings.Count, (int)insights["countsByType"]!["rating"]!);
        Assert.Equal(expected.PositiveRate, (double)insights["positiveRate"]!, 9);
        AssertNullable(expected.ThumbsUpShare, insights["thumbsUpShare"]);
        AssertNullable(expected.AverageRating, insights["averageRating"]);
        Assert.Equal(expected.RatingDistribution, insights["ratingDistribution"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(expected.PreviousTotal, (int)insights["previousTotalFeedback"]!);
        AssertNullable(expected.PreviousPositiveRate, insights["previousPositiveRate"]);
        AssertNullable(expected.PositiveRateChange, insights["positiveRateChange"]);
        Assert.Equal(expected.OpenTasks, (int)insights["openReviewTasks"]!);
        Assert.Equal(expected.PendingCorrections, (int)insights["pendingCorrections"]!);
        Assert.Equal(expected.Corrections, (int)insights["userCorrectionCount"]!);
        Assert.Equal(Math.Min(50, expected.Corrections), insights["userCorrections"]!.AsArray().Count);
        Assert.Equal(expected.NegativeInIssues, (int)insights["negativeInIssues"]!);

        var daily = insights["daily"]!.AsArray();
        Assert.Equal(expected.Daily.Select(d => d.Day), daily.Select(d => DateOnly.Parse((string)d!["day"]!, CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Daily.Select(d => (d.Up, d.Down, d.Corrections, d.Ratings, d.Total)),
            daily.Select(d => ((int)d!["positive"]!, (int)d["negative"]!, (int)d["correction"]!, (int)d["rating"]!, (int)d["total"]!)));

        Assert.Equal(expected.Issues.Take(10).Select(i => (i.Id, i.Frequency)),
            insights["commonIssues"]!.AsArray().Select(i => ((long)i!["issueId"]!, (int)i["frequency"]!)));
        Assert.Equal(expected.Opportunities.Select(o => (o.PatternKey, o.Negative, o.Total, o.TaskId)),
            insights["improvementOpportunities"]!.AsArray().Select(o =>
                ((string)o!["patternKey"]!, (int)o["negativeCount"]!, (int)o["totalCount"]!, (long?)o["reviewTaskId"])));
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task EveryIssueFrequencyAndTrend_EqualsItsMembersInTheWindow(string window, string? source)
    {
        var expected = await data.ExpectAsync(window, source);
        var issues = await data.Api.GetItemsAsync($"/api/v1/issues?{window}{SourceQuery(source)}");

        Assert.Equal(expected.Issues.Select(i => (i.Id, i.Frequency)), issues.Select(i => ((long)i!["id"]!, (int)i["frequency"]!)));
        foreach (var issue in issues)
        {
            var trend = expected.Issues.Single(i => i.Id == (long)issue!["id"]!).Trend;
            Assert.Equal(trend, issue!["trend"]!.AsArray().Select(n => (int)n!));
        }
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task EveryOverviewFigure_EqualsTheRawRows(string window, string? source)
    {
        var expected = await data.ExpectAsync(window, source);
        var html = await data.ProductManager.GetStringAsync($"/?{window}{SourceQuery(source)}");

        Assert.Equal(expected.Total.ToString("N0", CultureInfo.InvariantCulture), Kpi(html, "data-kpi=\"Feedback\""));
        Assert.Equal(Percent(expected.PositiveRate), Kpi(html, "data-kpi=\"Positive rate\""));
        Assert.Equal(expected.ThumbsUpShare is { } share ? $"{Percent(share)} thumbs-up among thumbs" : "no thumbs in this window",
            Kpi(html, "data-kpi-detail=\"Thumbs-up share\""));
        var change = Kpi(html, "data-kpi-detail=\"Positive rate\"");
        if (expected.PositiveRateChange is { } points)
        {
            Assert.StartsWith($"{(points >= 0 ? "▲" : "▼")} {Math.Abs(points * 100).ToString("0.0", CultureInfo.InvariantCulture)} pts", change);
        }
        else
        {
            Assert.Contains(expected.PreviousTotal == 0 ? "no feedback in the previous window" : "not enough data", change);
        }
        Assert.Equal(expected.OpenTasks.ToString("N0", CultureInfo.InvariantCulture), Kpi(html, "data-kpi=\"Open review tasks\""));
        Assert.Equal(expected.PendingCorrections.ToString("N0", CultureInfo.InvariantCulture), Kpi(html, "data-kpi=\"Corrections to review\""));
        Assert.Contains($"of {expected.Corrections.ToString("N0", CultureInfo.InvariantCulture)} sent", Kpi(html, "data-kpi-detail=\"Corrections to review\""));

        var negative = expected.Down + expected.Corrections;
        var caption = Kpi(html, "data-testid=\"issues-caption\"");
        if (negative == 0)
        {
            Assert.Equal("No negative feedback in this window.", caption);
        }
        else if (expected.Issues.Count > 0)
        {
            Assert.StartsWith($"{expected.NegativeInIssues.ToString("N0", CultureInfo.InvariantCulture)} of {negative.ToString("N0", CultureInfo.InvariantCulture)} negative items", caption);
        }

        var opportunityCells = Regex.Matches(html, @"<td[^>]*>(\d+) of (\d+)</td>").Select(m => (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)));
        Assert.Equal(expected.Opportunities.Select(o => (o.Negative, o.Total)), opportunityCells);
    }

    private static string SourceQuery(string? source) => source is null ? "" : $"&source={source}";

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static void AssertNullable(double? expected, JsonNode? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.NotNull(actual);
            Assert.Equal(expected.Value, (double)actual, 9);
        }
    }

    /// <summary>The text of the first element carrying the attribute, tags inside it removed.</summary>
    private static string Kpi(string html, string attribute)
    {
        var start = html.IndexOf(attribute, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No {attribute} on the page.");
        var open = html.IndexOf('>', start) + 1;
        var tag = Regex.Match(html[..start], @"<(\w+)[^<]*$").Groups[1].Value;
        var close = html.IndexOf($"</{tag}>", open, StringComparison.Ordinal);
        var text = Regex.Replace(html[open..close], "<[^>]+>", "");
        return WebUtility.HtmlDecode(Regex.Replace(text, @"\s+", " ")).Trim();
    }

    /// <summary>The app, its generated history, and the raw rows that the figures are checked against.</summary>
    public sealed class GeneratedData : IAsyncLifetime
    {
        private static readonly DemoAccounts.Account ReviewerAccount = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
        private static readonly DemoAccounts.Account PmAccount = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);

        /// <summary>Questions, each with the chance that its answers disappoint; the first three carry an application's key.</summary>
        private static readonly (string Query, double Bad, string? Key)[] Questions =
        [
            ("What is the API rate limit?", 0.6, "rate-limit"),
            ("How do I export my invoices?", 0.2, "invoices"),
            ("Can I change my plan mid-cycle?", 0.45, "plan-change"),
            ("How do I reset my password?", 0.1, null),
            ("What is your refund policy?", 0.55, null),
            ("Do you offer an enterprise discount?", 0.5, null),
            ("Where can I download the mobile app?", 0.05, null),
            ("How do I add a teammate?", 0.15, null),
        ];

        private static readonly string[][] Complaints =
        [
            ["It's 1000 per minute on the business plan", "its 1000 per minute on the Business plan!", "The limit is 1000 a minute on business"],
            ["The refund window is 30 days, not 14", "Refunds are 30 days, the answer said 14", "The policy says 30 days"],
            ["It made up a discount we don't offer", "There is no such discount", "We never offered that discount"],
            ["The answer was far too long", "Way too long, I gave up reading", "Too long an answer"],
        ];

        public FeedbackAppFactory App { get; } = new();
        public HttpClient Api { get; private set; } = null!;
        public HttpClient ProductManager { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Api = App.CreateApiClient();
            var random = new Random(16);
            // 100 days ending 2027-03-08: half past noon and one in the morning, so items fall on both sides of midnight.
            for (var day = 0; day < 100; day++)
            {
                await PostDayAsync(random, count: random.Next(6, 20));
                App.Clock.Advance(TimeSpan.FromHours(13));
                await PostDayAsync(random, count: random.Next(0, 8));
                App.Clock.Advance(TimeSpan.FromHours(11));
                if (day == 70)
                {
                    Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync("/api/v1/issues/recompute?wait=true", null)).StatusCode);
                }
            }
            await DecideAsync(random);
            ProductManager = await App.CreateSignedInClientAsync(PmAccount.Email, PmAccount.Password);
        }

        private async Task PostDayAsync(Random random, int count)
        {
            var items = new List<object>();
            for (var i = 0; i < count; i++)
            {
                var (query, bad, key) = Questions[random.Next(Questions.Length)];
                var source = Sources[random.Next(Sources.Length)];
                var interactionId = "i-" + Guid.NewGuid().ToString("N");
                var roll = random.NextDouble();
                (string Type, object? Value, string? Comment) pick = roll switch
                {
                    _ when roll < bad * 0.7 => ("negative", null, random.NextDouble() < 0.7 ? Complaint(random) : null),
                    _ when roll < bad * 0.85 => ("correction", $"The right answer to {query} is in the handbook ({random.Next(5)}).", null),
                    _ when roll < bad => ("rating", random.Next(1, 3), null),
                    _ when roll < bad + (1 - bad) * 0.3 => ("rating", random.Next(3, 6), null),
                    _ => ("positive", null, null),
                };
                items.Add(new
                {
                    interactionId, type = pick.Type, value = pick.Value, comment = pick.Comment,
                    interaction = new { id = interactionId, query, response = "An answer.", source, pattern = key },
                });
            }
            if (items.Count == 0)
            {
                return;
            }
            var response = await Api.PostJsonAsync("/api/v1/feedback/batch", new { items });
            Assert.Equal(count, (int)(await response.ReadJsonAsync())["stored"]!);
        }

        private static string Complaint(Random random)
        {
            var theme = Complaints[random.Next(Complaints.Length)];
            return theme[random.Next(theme.Length)];
        }

        /// <summary>A reviewer decides: a third of the corrections applied, a sixth rejected; tasks claimed, resolved, dismissed, reopened.</summary>
        private async Task DecideAsync(Random random)
        {
            var reviewer = await App.CreateSignedInClientAsync(ReviewerAccount.Email, ReviewerAccount.Password);
            var pending = await reviewer.GetItemsAsync("/api/v1/corrections?status=pending&pageSize=500");
            foreach (var correction in pending)
            {
                var id = (long)correction!["id"]!;
                var roll = random.NextDouble();
                if (roll < 0.33)
                {
                    await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{id}/approve", null));
                    await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{id}/apply", null));
                }
                else if (roll < 0.5)
                {
                    await OkAsync(await reviewer.PostJsonAsync($"/api/v1/corrections/{id}/reject", new { reason = "Not what the handbook says." }));
                }
            }

            var tasks = await reviewer.GetItemsAsync("/api/v1/review-tasks?pageSize=200");
            Assert.True(tasks.Count >= 4, $"{tasks.Count} tasks: the generated data should raise several.");
            var ids = tasks.Select(t => (long)t!["id"]!).ToList();
            await OkAsync(await reviewer.PostAsync($"/api/v1/review-tasks/{ids[0]}/claim", null));
            await OkAsync(await reviewer.PostJsonAsync($"/api/v1/review-tasks/{ids[1]}/resolve", new { note = "Updated the answer." }));
            await OkAsync(await reviewer.PostJsonAsync($"/api/v1/review-tasks/{ids[2]}/dismiss", new { reason = "Expected." }));
            await OkAsync(await reviewer.PostJsonAsync($"/api/v1/review-tasks/{ids[3]}/resolve", new { note = "Tried a fix." }));
            await OkAsync(await reviewer.PostAsync($"/api/v1/review-tasks/{ids[3]}/reopen", null));

            // After the decisions, one more day: new negatives join the issues live.
            await PostDayAsync(random, count: 25);
        }

        private static async Task OkAsync(HttpResponseMessage response) =>
            Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        /// <summary>What every figure must be, counted here from the raw rows alone.</summary>
        public async Task<Expected> ExpectAsync(string window, string? source)
        {
            var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
            var query = System.Web.HttpUtility.ParseQueryString(window);
            var (from, to) = query["days"] is { } days
                ? (today.AddDays(1 - int.Parse(days, CultureInfo.InvariantCulture)), today)
                : (DateOnly.Parse(query["from"]!, CultureInfo.InvariantCulture), DateOnly.Parse(query["to"]!, CultureInfo.InvariantCulture));
            var length = to.DayNumber - from.DayNumber + 1;

            await using var db = App.CreateDbContext();
            var feedback = (await db.Feedback.AsNoTracking().ToListAsync()).Where(f => source is null || f.Source == source).ToList();
            var tasks = (await db.ReviewTasks.AsNoTracking().ToListAsync()).Where(t => source is null || t.Source == source).ToList();
            var corrections = (await db.Corrections.AsNoTracking().ToListAsync()).Where(c => source is null || c.Source == source).ToList();
            var current = (await db.IssueClusters.Where(c => c.IsCurrent).Select(c => c.Id).ToListAsync()).ToHashSet();
            var members = await db.IssueClusterMembers.AsNoTracking().ToListAsync();
            var allTasks = await db.ReviewTasks.AsNoTracking().ToListAsync();

            static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
            bool In(DateTimeOffset at, DateOnly start, DateOnly end) => DayOf(at) >= start && DayOf(at) <= end;

            var inWindow = feedback.Where(f => In(f.CreatedAt, from, to)).ToList();
            var up = inWindow.Count(f => f.Type == FeedbackType.ThumbsUp);
            var down = inWindow.Count(f => f.Type == FeedbackType.ThumbsDown);
            var ratings = inWindow.Where(f => f.Type == FeedbackType.Rating).Select(f => f.Rating!.Value).ToList();
            var total = inWindow.Count;
            var rate = total == 0 ? 0 : (double)up / total;

            var previous = feedback.Where(f => In(f.CreatedAt, from.AddDays(-length), from.AddDays(-1))).ToList();
            double? previousRate = previous.Count == 0 ? null : (double)previous.Count(f => f.Type == FeedbackType.ThumbsUp) / previous.Count;
            var previousDays = previous.Select(f => DayOf(f.CreatedAt)).Distinct().Count();
            // The documented minimum: 100 items over at least half the previous window's days.
            double? change = previousRate is { } before && previous.Count >= 100 && previousDays * 2 >= length ? rate - before : null;

            var byId = inWindow.ToDictionary(f => f.Id);
            var issues = members.Where(m => current.Contains(m.IssueClusterId) && byId.ContainsKey(m.FeedbackId))
                .GroupBy(m => m.IssueClusterId)
                .Select(g => new ExpectedIssue(g.Key, g.Count(), Enumerable.Range(0, length)
                    .Select(d => g.Count(m => DayOf(byId[m.FeedbackId].CreatedAt) == from.AddDays(d))).ToList()))
                .OrderByDescending(i => i.Frequency).ThenBy(i => i.Id)
                .ToList();

            var activeTasks = allTasks.Where(t => t.Status is ReviewTaskStatus.Open or ReviewTaskStatus.InReview).ToDictionary(t => t.PatternKey);
            var opportunities = inWindow.Where(f => f.PatternKey is not null)
                .GroupBy(f => f.PatternKey!)
                .Select(g => new ExpectedOpportunity(g.Key, g.Count(f => f.Type == FeedbackType.ThumbsDown), g.Count(), activeTasks.GetValueOrDefault(g.Key)?.Id))
                .Where(o => o.Negative > 0)
                .OrderByDescending(o => o.Negative).ThenBy(o => o.PatternKey, StringComparer.Ordinal)
                .Take(10)
                .ToList();

            return new Expected(
                from, to, total, up, down, inWindow.Count(f => f.Type == FeedbackType.Correction), ratings,
                rate, up + down == 0 ? null : (double)up / (up + down),
                ratings.Count == 0 ? null : ratings.Average(),
                Enumerable.Range(1, 5).Select(r => ratings.Count(x => x == r)).ToList(),
                previous.Count, previousRate, change,
                tasks.Count(t => t.Status is ReviewTaskStatus.Open or ReviewTaskStatus.InReview && In(t.CreatedAt, from, to)),
                corrections.Count(c => c.Status == CorrectionStatus.Pending && In(c.CreatedAt, from, to)),
                issues.Sum(i => i.Frequency),
                issues,
                opportunities,
                Enumerable.Range(0, length).Select(d =>
                {
                    var day = from.AddDays(d);
                    var of = inWindow.Where(f => DayOf(f.CreatedAt) == day).ToList();
                    return new ExpectedDay(day, of.Count(f => f.Type == FeedbackType.ThumbsUp), of.Count(f => f.Type == FeedbackType.ThumbsDown),
                        of.Count(f => f.Type == FeedbackType.Correction), of.Count(f => f.Type == FeedbackType.Rating), of.Count);
                }).ToList());
        }

        public Task DisposeAsync()
        {
            Api.Dispose();
            ProductManager.Dispose();
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    public sealed record Expected(
        DateOnly From, DateOnly To, int Total, int Up, int Down, int Corrections, IReadOnlyList<int> Ratings,
        double PositiveRate, double? ThumbsUpShare, double? AverageRating, IReadOnlyList<int> RatingDistribution,
        int PreviousTotal, double? PreviousPositiveRate, double? PositiveRateChange,
        int OpenTasks, int PendingCorrections, int NegativeInIssues,
        IReadOnlyList<ExpectedIssue> Issues, IReadOnlyList<ExpectedOpportunity> Opportunities, IReadOnlyList<ExpectedDay> Daily);

    public sealed record ExpectedIssue(long Id, int Frequency, IReadOnlyList<int> Trend);

    public sealed record ExpectedOpportunity(string PatternKey, int Negative, int Total, long? TaskId);

    public sealed record ExpectedDay(DateOnly Day, int Up, int Down, int Corrections, int Ratings, int Total);
}
