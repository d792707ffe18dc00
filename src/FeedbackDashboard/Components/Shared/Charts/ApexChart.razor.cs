using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FeedbackDashboard.Components.Shared.Charts;

/// <summary>
/// Draws a chart on first render (the JS module is imported then), sends later data as
/// updateSeries (the chart is not re-created, so it animates instead of flashing), follows the
/// MudBlazor theme, and disposes the chart with the component. Modelled on the Aspire dashboard's PlotlyChart.
/// </summary>
public partial class ApexChart : ComponentBase, IAsyncDisposable
{
    public const string ModulePath = "./Components/Shared/Charts/ApexChart.razor.js";

    private ElementReference _element;
    private IJSObjectReference? _module;
    private DotNetObjectReference<ApexChart>? _self;
    private IReadOnlyList<ChartSeries>? _drawnSeries;
    private bool? _drawnDark;
    private IReadOnlyList<ChartMarker>? _drawnMarkers;
    private bool _disposed;

    // A render can come while the first draw still waits for the library: draws go one at a time, and
    // each compares against what the browser was actually given, so a change made meanwhile is sent after.
    private readonly SemaphoreSlim _drawing = new(1, 1);

    [Inject] public required IJSRuntime JS { get; set; }

    [Parameter, EditorRequired] public required ChartOptions Options { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<ChartSeries> Series { get; set; }
    [Parameter] public EventCallback<string> OnCategoryClick { get; set; }

    /// <summary>Vertical lines on a date axis (published changes on the Overview).</summary>
    [Parameter] public IReadOnlyList<ChartMarker> Markers { get; set; } = [];
    [Parameter] public string? TestId { get; set; }

    [CascadingParameter(Name = "DarkMode")] public bool DarkMode { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            await DrawAsync(firstRender);
        }
        catch (JSException) when (_disposed)
        {
            // The page navigated away while the chart was drawing; the circuit goes on.
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone.
        }
    }

    private async Task DrawAsync(bool firstRender)
    {
        await _drawing.WaitAsync();
        try
        {
            if (firstRender)
            {
                await DrawFirstAsync();
            }
            await UpdateAsync();
        }
        finally
        {
            _drawing.Release();
        }
    }

    private async Task DrawFirstAsync()
    {
        _module = await JS.InvokeAsync<IJSObjectReference?>("import", ModulePath);
        if (_module is null)
        {
            return;
        }
        _self = DotNetObjectReference.Create(this);
        var (series, dark, markers) = (Series, DarkMode, Markers);
        await _module.InvokeVoidAsync("render", _element, Options, series, dark, _self, markers);
        (_drawnSeries, _drawnDark, _drawnMarkers) = (series, dark, markers);
    }

    /// <summary>Sends whatever changed since the browser last drew; a no-op right after the first draw unless parameters moved meanwhile.</summary>
    private async Task UpdateAsync()
    {
        if (_module is null || _disposed)
        {
            return;
        }
        if (!ReferenceEquals(_drawnSeries, Series))
        {
            var series = Series;
            await _module.InvokeVoidAsync("updateSeries", _element, series);
            _drawnSeries = series;
        }
        if (_drawnMarkers is null || !_drawnMarkers.SequenceEqual(Markers))
        {
            var markers = Markers;
            await _module.InvokeVoidAsync("setMarkers", _element, markers);
            _drawnMarkers = markers;
        }
        if (_drawnDark != DarkMode)
        {
            var dark = DarkMode;
            await _module.InvokeVoidAsync("setTheme", _element, dark);
            _drawnDark = dark;
        }
    }

    [JSInvokable]
    public Task OnCategoryClicked(string category) => OnCategoryClick.InvokeAsync(category);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("dispose", _element);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The page is gone, and the chart with it.
        }
        _self?.Dispose();
    }
}
