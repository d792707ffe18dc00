using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Components.Shared.Charts;
using FeedbackDashboard.Components.Shared.Insights;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Features;
using FeedbackDashboard.Features.Alerts;
using FeedbackDashboard.Features.Changes;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Loop;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;
using Microsoft.AspNetCore.Components;

namespace FeedbackDashboard.Components.Pages.Insights;

/// <summary>
/// The product manager's view: every figure is what GET /api/v1/insights answers for the same
/// window and source (the same reader), and it refreshes from the aggregates at most once a
/// second while feedback arrives or issues grow; the charts get new series, not a redraw. The
/// window and source live in the address, so a link keeps them.
/// </summary>
public partial class OverviewPage : IDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private ImprovementInsights? _insights;
    private IReadOnlyList<string> _sources = [];
    private IReadOnlyList<ChartSeries> _trend = [];
    private IReadOnlyList<ChartSeries> _ratings = [];
    private IReadOnlyList<ChartSeries> _issues = [];
    private IReadOnlyList<ChangeDto> _changes = [];
    private IReadOnlyList<ChartMarker> _markers = [];
    private IReadOnlyList<AlertRuleDto> _alerts = [];
    private InsightFilter _filter = new();
    private IDisposable? _live;
    private int _loads;

    [Inject] public required HumanFeedbackSystem FeedbackSystem { get; set; }
    [Inject] public required InsightsReader Insights { get; set; }
    [Inject] public required ChangeQueries ChangeQueries { get; set; }
    [Inject] public required ChangeJudge Judge { get; set; }
    [Inject] public required AlertRules AlertRules { get; set; }
    [Inject] public required LiveUpdates Live { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }
    [Inject] public required TimeProvider Time { get; set; }

    [SupplyParameterFromQuery(Name = "days")] public int? Days { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "source")] public string? Source { get; set; }

    private string WindowText => $"{_insights!.From:d MMM} – {_insights.To:d MMM yyyy}";

    private string PositiveRateChange => _insights switch
    {
        { PositiveRateChange: { } change } =>
            $"{(change >= 0 ? "▲" : "▼")} {Math.Abs(change * 100):0.0} pts vs the previous {_insights.Days} days",
        { PreviousTotalFeedback: 0 } => "no feedback in the previous window",
        { } i => $"change: not enough data (previous {i.Days} days: {i.PreviousTotalFeedback:N0} items; " +
            $"{InsightMath.MinimumFeedbackForChange} over at least half its days needed)",
        null => "",
    };

    private string IssuesCaption
    {
        get
        {
            var negative = _insights!.CountsByType.Negative + _insights.CountsByType.Correction;
            return negative == 0
                ? "No negative feedback in this window."
                : _insights.CommonIssues.Count == 0
                    ? $"{negative:N0} negative items in this window, none in an issue yet (issues form once enough feedback says the same thing)."
                    : $"{_insights.NegativeInIssues:N0} of {negative:N0} negative items of this window are in an issue. Click a bar to open it.";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _live = await Live.SubscribeThrottledAsync(LiveTopics.Feedback | LiveTopics.Tasks | LiveTopics.Issues | LiveTopics.Evidence, RefreshInterval,
            async () => { await LoadAsync(); StateHasChanged(); }, InvokeAsync, DispatchExceptionAsync);
        _sources = await Insights.SourcesAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        _filter = InsightFilter.Parse(Days, From, To, Source);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var window = _filter.Window(Time.GetUtcNow());
        _insights = await FeedbackSystem.GetImprovementInsightsAsync(window, _filter.Source);
        _changes = await ChangeQueries.ListAsync(_filter.Source, from: window.StartUtc, to: window.EndUtcExclusive, limit: OverviewCharts.MaxChanges);
        _markers = OverviewCharts.ChangeMarkers(_changes);
        _alerts = await AlertRules.FiringAsync();
        _trend = OverviewCharts.TrendSeries(_insights);
        _ratings = OverviewCharts.RatingSeries(_insights);
        _issues = OverviewCharts.IssueSeries(_insights);
        _loads++;
    }

    private void SetFilter(InsightFilter filter) => Navigation.NavigateTo($"{AppRoutes.Overview}?{filter.ToQuery()}", replace: true);

    private void OpenIssue(string label)
    {
        var issue = _insights?.CommonIssues.FirstOrDefault(i => OverviewCharts.Label(i.Label) == label);
        if (issue is not null)
        {
            Navigation.NavigateTo($"{AppRoutes.Issues}?{_filter.ToQuery()}&issue={issue.IssueId}");
        }
    }

    private string ExportUrl(string what, string format) => $"api/v1/{what}/export?format={format}&{_filter.ToDatesQuery(Time.GetUtcNow())}";

    public void Dispose()
    {
        _live?.Dispose();
    }
}
