using System.Text;
using Scalar.AspNetCore;

namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// The API reference at /scalar, open to everyone. Its fonts (Inter, JetBrains Mono) are served by
/// this app from wwwroot/lib/fonts (npm's @fontsource packages) instead of Scalar's CDN: many
/// deployments cannot reach it, and the content security policy allows fonts from this origin only.
/// </summary>
public static class ApiReference
{
    private static readonly string FontCss = BuildFontCss();

    public static void MapApiReference(this WebApplication app) =>
        app.MapScalarApiReference(options => options
                .WithTitle("FeedbackDashboard API")
                .DisableDefaultFonts()
                .WithCustomCss(FontCss))
            .AllowAnonymous();

    private static string BuildFontCss()
    {
        var css = new StringBuilder();
        foreach (var weight in new[] { 400, 500, 600, 700 })
        {
            css.Append($"@font-face {{ font-family: 'Inter'; font-style: normal; font-weight: {weight}; font-display: swap; src: url('/lib/fonts/inter-latin-{weight}-normal.woff2') format('woff2'); }}\n");
        }
        css.Append("@font-face { font-family: 'JetBrains Mono'; font-style: normal; font-weight: 400; font-display: swap; src: url('/lib/fonts/jetbrains-mono-latin-400-normal.woff2') format('woff2'); }\n");
        css.Append(":root { --scalar-font: 'Inter', system-ui, sans-serif; --scalar-font-code: 'JetBrains Mono', ui-monospace, monospace; }\n");
        return css.ToString();
    }
}
