// The browser half of ApexChart.razor: builds ApexCharts options from our typed records and keeps
// the chart on its element so that later calls update it in place. Formatters live here because
// ApexCharts calls them in the browser.
const charts = new WeakMap();

function ensureLibrary() {
    if (window.ApexCharts) {
        return Promise.resolve();
    }
    if (!window.__fdApexLoading) {
        window.__fdApexLoading = new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = new URL("lib/apexcharts/apexcharts.min.js", document.baseURI).toString();
            script.onload = resolve;
            script.onerror = reject;
            document.head.appendChild(script);
        });
    }
    return window.__fdApexLoading;
}

const formatters = {
    percent: value => value === null || value === undefined ? "–" : `${Math.round(value * 100)}%`,
    number: value => value === null || value === undefined ? "–" : Number(value).toLocaleString(undefined, { maximumFractionDigits: 2 }),
};

// ApexCharts writes legend entries and tooltip titles as HTML: names and categories come from users
// (issue labels, metadata values), so they go in as text.
const htmlEscapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };

function asText(value) {
    return String(value ?? "").replace(/[&<>"']/g, c => htmlEscapes[c]);
}

function formatOf(format) {
    return format === "percent" || format === 1 ? formatters.percent : formatters.number;
}

function toApexSeries(series, kind) {
    return series.map(s => ({
        name: s.name,
        type: kind === "mixed" || kind === 0 ? (s.type === "column" ? "column" : s.type) : undefined,
        data: s.data.map(p => ({ x: p.x, y: p.y })),
    }));
}

function themeOptions(dark) {
    return {
        theme: { mode: dark ? "dark" : "light" },
        chart: { background: "transparent", foreColor: dark ? "#e0e0e0" : "#424242" },
        grid: { borderColor: dark ? "#424242" : "#e0e0e0" },
    };
}

function kindName(kind) {
    return typeof kind === "string" ? kind.toLowerCase() : ["mixed", "bar", "horizontalbar"][kind];
}

function annotationsOf(markers) {
    return {
        xaxis: (markers ?? []).map(m => ({
            x: m.x,
            borderColor: m.color,
            strokeDashArray: 4,
            label: { text: m.label, orientation: "vertical", borderColor: m.color, style: { color: "#fff", background: m.color, fontSize: "11px" } },
        })),
    };
}

function build(options, series, dark, dotNetRef, markers) {
    const kind = kindName(options.kind);
    const empty = series.length === 0;
    const horizontal = kind === "horizontalbar";
    const axisOf = (axis, index) => ({
        seriesName: empty ? undefined : series.filter(s => s.axis === index).map(s => s.name),
        title: axis.title ? { text: axis.title } : undefined,
        min: axis.min ?? undefined,
        max: axis.max ?? undefined,
        opposite: axis.opposite,
        // On a horizontal bar chart the y axis holds the categories: leave their text alone.
        labels: horizontal ? { maxWidth: 260 } : { formatter: formatOf(axis.format) },
    });
    const yaxis = kind === "mixed" && !empty ? options.yAxes.map(axisOf) : axisOf(options.yAxes[0], 0);
    const theme = themeOptions(dark);
    return {
        ...theme,
        chart: {
            ...theme.chart,
            type: kind === "mixed" ? "line" : "bar",
            height: options.height,
            stacked: options.stacked,
            toolbar: { show: false },
            animations: { enabled: true, dynamicAnimation: { speed: 300 } },
            events: options.clickable ? {
                dataPointSelection: (event, chart, config) => {
                    const category = chart.w.globals.labels[config.dataPointIndex] ?? chart.w.config.series[config.seriesIndex].data[config.dataPointIndex].x;
                    dotNetRef.invokeMethodAsync("OnCategoryClicked", String(category));
                },
            } : {},
        },
        series: toApexSeries(series, kind),
        colors: options.colors ?? undefined,
        plotOptions: { bar: { horizontal: kind === "horizontalbar", columnWidth: "60%", borderRadius: 2 } },
        stroke: { width: empty ? 0 : series.map(s => s.type === "line" ? 3 : 0), curve: "smooth" },
        markers: { size: empty ? 0 : series.map(s => s.type === "line" ? 3 : 0) },
        dataLabels: { enabled: false },
        xaxis: options.dateAxis
            ? { type: "datetime", labels: { datetimeUTC: true } }
            : { type: "category", labels: horizontal ? { formatter: formatOf(options.yAxes[0].format) } : {} },
        yaxis,
        tooltip: {
            shared: kind === "mixed" && !empty,
            intersect: false,
            x: options.dateAxis ? { format: "ddd d MMM yyyy" } : { formatter: asText },
            y: empty ? {} : series.map(s => ({ formatter: formatOf(s.format), title: { formatter: asText } })),
        },
        legend: { position: "top", horizontalAlign: "left", formatter: asText },
        noData: { text: options.noDataText, style: { fontSize: "14px" } },
        annotations: annotationsOf(markers),
    };
}

function shapeOf(series) {
    return series.map(s => `${s.name}|${s.type}|${s.axis}`).join(";");
}

export async function render(element, options, series, dark, dotNetRef, markers) {
    await ensureLibrary();
    dispose(element);
    if (!element || !element.isConnected) {
        return; // the page moved on while the library loaded
    }
    const chart = new ApexCharts(element, build(options, series, dark, dotNetRef, markers));
    charts.set(element, { chart, kind: kindName(options.kind), options, dark, dotNetRef, shape: shapeOf(series), markers });
    try {
        await chart.render();
    } catch (error) {
        if (element.isConnected) {
            throw error;
        }
        // Navigated away mid-render ("Element not found"): nothing is left to draw on.
        charts.delete(element);
    }
}

export async function updateSeries(element, series) {
    const entry = charts.get(element);
    if (!entry) {
        return;
    }
    if (shapeOf(series) !== entry.shape) {
        // From empty to data, or other series: strokes, markers, axes and tooltips follow the series, so build again.
        await render(element, entry.options, series, entry.dark, entry.dotNetRef, entry.markers);
        return;
    }
    await entry.chart.updateSeries(toApexSeries(series, entry.kind), true);
}

export async function setMarkers(element, markers) {
    const entry = charts.get(element);
    if (entry) {
        entry.markers = markers;
        await entry.chart.updateOptions({ annotations: annotationsOf(markers) }, false, false);
    }
}

export async function setTheme(element, dark) {
    const entry = charts.get(element);
    if (entry) {
        entry.dark = dark;
        await entry.chart.updateOptions(themeOptions(dark), false, false);
    }
}

export function dispose(element) {
    const entry = charts.get(element);
    if (entry) {
        entry.chart.destroy();
        charts.delete(element);
    }
}
