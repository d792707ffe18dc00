using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Components.Shared.Insights;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Issues;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Components;

namespace FeedbackDashboard.Components.Pages.Issues;

/// <summary>
/// The common issues of a window and source, live: new negative feedback joins its issue in the
/// pipeline and the page reads the counts again (at most once a second) when told so over the hub.
/// The window, source and selected issue live in the address, so links keep them.
/// </summary>
public partial class IssuesPage : IDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private IReadOnlyList<IssueSummary>? _issues;
    private IReadOnlyList<string> _sources = [];
    private IssueSummary? _selected;
    private PagedList<RelatedFeedbackDto>? _feedback;
    private InsightFilter _filter = new();
    private int _negative;
    private int _inIssues;
    private IssueRun? _lastRun;
    private IDisposable? _live;

    [Inject] public required IssueQueries Issues { get; set; }
    [Inject] public required InsightsReader Insights { get; set; }
    [Inject] public required ClusteringStatus Status { get; set; }
    [Inject] public required IssueClusteringWorker Worker { get; set; }
    [Inject] public required RecomputeGate Gate { get; set; }
    [Inject] public required MudBlazor.ISnackbar Snackbar { get; set; }
    [Inject] public required LiveUpdates Live { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }
    [Inject] public required TimeProvider Time { get; set; }

    [SupplyParameterFromQuery(Name = "issue")] public long? IssueFromLink { get; set; }
    [SupplyParameterFromQuery(Name = "days")] public int? Days { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "source")] public string? Source { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Status.Changed += OnStatusChanged;
        _live = await Live.SubscribeThrottledAsync(LiveTopics.Issues, RefreshInterval,
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
        _issues = await Issues.ListAsync(window, _filter.Source);
        _negative = await Issues.CountNegativeAsync(window, _filter.Source);
        _inIssues = await Issues.CountInIssuesAsync(window, _filter.Source);
        _lastRun = await Issues.LastRunAsync();
        if (IssueFromLink is { } id)
        {
            _selected = await Issues.GetAsync(id, window, _filter.Source);
            _feedback = _selected is null ? null : await Issues.FeedbackAsync(id, window, _filter.Source, 1, 50);
        }
        else
        {
            (_selected, _feedback) = (null, null);
        }
    }

    private void SetFilter(InsightFilter filter) => Navigate(filter, IssueFromLink);

    private Task SelectAsync(long id)
    {
        Navigate(_filter, id);
        return Task.CompletedTask;
    }

    private void Navigate(InsightFilter filter, long? issue) =>
        Navigation.NavigateTo($"{AppRoutes.Issues}?{filter.ToQuery()}{(issue is { } id ? $"&issue={id}" : "")}", replace: true);

    /// <summary>The same gate as the API: one run at a time, and a gap between runs.</summary>
    private void Recompute()
    {
        switch (Gate.TryStart())
        {
            case RecomputeDecision.Started:
                Worker.Request();
                break;
            case RecomputeDecision.TooSoon:
                Snackbar.Add($"The issues were just computed; try again in {Gate.RetryAfterSeconds()} s.", MudBlazor.Severity.Info);
                break;
        }
    }

    private void OnStatusChanged() => InvokeAsync(async () =>
    {
        if (!Status.Running)
        {
            await LoadAsync();
        }
        StateHasChanged();
    });

    public void Dispose()
    {
        Status.Changed -= OnStatusChanged;
        _live?.Dispose();
    }
}
