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
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference?>("import", ModulePath);
            if (_module is null)
            {
                return;
            }
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("render", _element, Options, Series, DarkMode, _self, Markers);
            (_drawnSeries, _drawnDark, _drawnMarkers) = (Series, DarkMode, Markers);
            return;
        }
        if (_module is null)
        {
            return;
        }
        if (!ReferenceEquals(_drawnSeries, Series))
        {
            _drawnSeries = Series;
            await _module.InvokeVoidAsync("updateSeries", _element, Series);
        }
        if (_drawnMarkers is null || !_drawnMarkers.SequenceEqual(Markers))
        {
            _drawnMarkers = Markers;
            await _module.InvokeVoidAsync("setMarkers", _element, Markers);
        }
        if (_drawnDark != DarkMode)
        {
            _drawnDark = DarkMode;
            await _module.InvokeVoidAsync("setTheme", _element, DarkMode);
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
