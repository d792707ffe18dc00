using System.Globalization;
using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Components.Shared.Charts;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Features;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Review;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FeedbackDashboard.Components.Pages.Overview;

/// <summary>
/// The product manager's view: every figure is what GET /api/v1/insights answers for the same
/// window and source (the same reader), and it refreshes from the aggregates at most once a
/// second while feedback arrives; the charts get new series, not a redraw.
/// </summary>
public partial class OverviewPage : IDisposable
{
    private const string AllSources = "";
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private ImprovementInsights? _insights;
    private IReadOnlyList<string> _sources = [];
    private IReadOnlyList<ChartSeries> _trend = [];
    private IReadOnlyList<ChartSeries> _ratings = [];
    private IReadOnlyList<ChartSeries> _issues = [];
    private int _days = 30;
    private DateRange _range = new();
    private string _source = AllSources;
    private Throttle? _refresh;

    [Inject] public required HumanFeedbackSystem FeedbackSystem { get; set; }
    [Inject] public required InsightsReader Insights { get; set; }
    [Inject] public required LiveUpdates Live { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }
    [Inject] public required TimeProvider Time { get; set; }

    private InsightWindow Window => _days > 0 || _range.Start is null || _range.End is null
        ? InsightWindow.LastDays(_days > 0 ? _days : 30, Time.GetUtcNow())
        : new InsightWindow(DateOnly.FromDateTime(_range.Start.Value), DateOnly.FromDateTime(_range.End.Value));

    private string WindowText => $"{_insights!.From:d MMM} – {_insights.To:d MMM yyyy}";

    private string PositiveRateChange => _insights?.PreviousPositiveRate is { } previous
        ? $"{(_insights.PositiveRate >= previous ? "▲" : "▼")} {Math.Abs((_insights.PositiveRate - previous) * 100):0.0} pts vs the previous {_insights.Days} days"
        : "no feedback in the previous window";

    protected override async Task OnInitializedAsync()
    {
        _refresh = new Throttle(RefreshInterval, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }), Time);
        Live.FeedbackReceived += OnFeedback;
        Live.TaskCreated += OnTask;
        Live.TaskUpdated += OnTask;
        _sources = await Insights.SourcesAsync();
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await Live.JoinLiveFeedAsync();
        }
    }

    private async Task LoadAsync()
    {
        _insights = await FeedbackSystem.GetImprovementInsightsAsync(Window, _source == AllSources ? null : _source);
        _trend = OverviewCharts.TrendSeries(_insights);
        _ratings = OverviewCharts.RatingSeries(_insights);
        _issues = OverviewCharts.IssueSeries(_insights);
    }

    private async Task SetDaysAsync(int days)
    {
        _days = days;
        if (days == 0)
        {
            var last30 = InsightWindow.LastDays(30, Time.GetUtcNow());
            _range = new DateRange(last30.From.ToDateTime(TimeOnly.MinValue), last30.To.ToDateTime(TimeOnly.MinValue));
        }
        await LoadAsync();
    }

    private async Task SetRangeAsync(DateRange range)
    {
        _range = range;
        await LoadAsync();
    }

    private async Task SetSourceAsync(string source)
    {
        _source = source;
        await LoadAsync();
    }

    private Task OnFeedback(FeedbackDto _)
    {
        _refresh!.Request();
        return Task.CompletedTask;
    }

    private Task OnTask(ReviewTaskDto _)
    {
        _refresh!.Request();
        return Task.CompletedTask;
    }

    private void OpenIssue(string label)
    {
        var issue = _insights?.CommonIssues.FirstOrDefault(i => OverviewCharts.Label(i.Label) == label);
        if (issue is not null)
        {
            Navigation.NavigateTo($"{AppRoutes.Issues}?issue={issue.IssueId}");
        }
    }

    private string ExportUrl(string what, string format)
    {
        var window = Window;
        var query = $"format={format}&from={window.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={window.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        if (_source != AllSources)
        {
            query += $"&source={Uri.EscapeDataString(_source)}";
        }
        return $"api/v1/{what}/export?{query}";
    }

    public void Dispose()
    {
        Live.FeedbackReceived -= OnFeedback;
        Live.TaskCreated -= OnTask;
        Live.TaskUpdated -= OnTask;
        _refresh?.Dispose();
        _ = Live.LeaveLiveFeedAsync();
    }
}
