using Bunit;
using FeedbackDashboard.Components.Shared.Charts;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Charts;

/// <summary>The chart wrapper is judged by the JS calls it makes, as the Aspire dashboard tests its PlotlyChart.</summary>
public class ApexChartTests : MudTestContext
{
    private static readonly ChartOptions Options = new(ChartKind.Bar, 200, [new ChartAxis("Count")]);

    private static IReadOnlyList<ChartSeries> Series(params double[] values) =>
        [new ChartSeries("Ratings", values.Select((v, i) => new ChartPoint($"{i + 1}", v)).ToList())];

    [Fact]
    public void FirstRender_ImportsTheModuleAndRendersOnce()
    {
        var module = JSInterop.SetupModule(ApexChart.ModulePath);
        var series = Series(1, 2, 3);

        Render<ApexChart>(p => p.Add(c => c.Options, Options).Add(c => c.Series, series));

        var render = Assert.Single(module.Invocations, i => i.Identifier == "render");
        Assert.Same(Options, render.Arguments[1]);
        Assert.Same(series, render.Arguments[2]);
        Assert.Equal(false, render.Arguments[3]);
    }

    /// <summary>A product manager clicked away while the chart was drawing: the circuit must live on (it used to end).</summary>
    [Fact]
    public async Task NavigatingAwayWhileTheChartDraws_DoesNotEndTheCircuit()
    {
        var module = JSInterop.SetupModule(ApexChart.ModulePath);
        var drawing = module.SetupVoid("render", _ => true);
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, Options).Add(c => c.Series, Series(1, 2, 3)));

        await chart.Instance.DisposeAsync();
        drawing.SetException(new Microsoft.JSInterop.JSException("Element not found"));

        var unhandled = await Task.WhenAny(Renderer.UnhandledException, Task.Delay(500));

        Assert.Single(module.Invocations, i => i.Identifier == "render");
        Assert.NotSame(Renderer.UnhandledException, unhandled);
    }

    [Fact]
    public void NewSeries_IsSentAsAnUpdate_NotARedraw()
    {
        var module = JSInterop.SetupModule(ApexChart.ModulePath);
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, Options).Add(c => c.Series, Series(1, 2, 3)));
        var next = Series(4, 5, 6);

        chart.Render(p => p.Add(c => c.Series, next));

        Assert.Single(module.Invocations, i => i.Identifier == "render");
        var update = Assert.Single(module.Invocations, i => i.Identifier == "updateSeries");
        Assert.Same(next, update.Arguments[1]);
    }

    [Fact]
    public void SameSeries_SendsNothing()
    {
        var module = JSInterop.SetupModule(ApexChart.ModulePath);
        var series = Series(1, 2, 3);
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, Options).Add(c => c.Series, series));

        chart.Render(p => p.Add(c => c.Series, series));

        Assert.DoesNotContain(module.Invocations, i => i.Identifier == "updateSeries");
    }

    [Fact]
    public void DarkMode_FollowsTheTheme()
    {
        var module = JSInterop.SetupModule(ApexChart.ModulePath);
        var series = Series(1);
        var host = Render<DarkModeChartHost>(p => p.Add(c => c.Options, Options).Add(c => c.Series, series).Add(c => c.Dark, false));

        host.Render(p => p.Add(c => c.Options, Options).Add(c => c.Series, series).Add(c => c.Dark, true));

        var theme = Assert.Single(module.Invocations, i => i.Identifier == "setTheme");
        Assert.Equal(true, theme.Arguments[1]);
        Assert.DoesNotContain(module.Invocations, i => i.Identifier == "updateSeries");
    }

    [Fact]
    public async Task Dispose_DisposesTheChart()
    {
        var module = JSInterop.SetupModule(ApexChart.ModulePath);
        var chart = Render<ApexChart>(p => p.Add(c => c.Options, Options).Add(c => c.Series, Series(1)));

        await chart.Instance.DisposeAsync();

        Assert.Single(module.Invocations, i => i.Identifier == "dispose");
    }
}
