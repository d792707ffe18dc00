using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace FeedbackDashboard.Components.Shared;

/// <summary>
/// A small MudChip's markup and classes without the component, for lists that draw one a row: a
/// MudChip inside its wrapper is two components with their render buffers and a key handler each,
/// ~4 KB of a circuit (bench/run.sh circuit). Read-only: no click, no close.
/// </summary>
public static class InlineChip
{
    public static RenderFragment Render(string text, Variant variant, Color color) => builder => Build(builder, text, variant, color);

    // One element, three render-tree frames: MudChip's container is display: contents and its content
    // span only centres the text, which the chip's own inline-flex already does.
    private static void Build(RenderTreeBuilder builder, string text, Variant variant, Color color)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", $"mud-chip mud-chip-{Css(variant)} mud-chip-size-small mud-chip-color-{Css(color)}");
        builder.AddContent(2, text);
        builder.CloseElement();
    }

    private static string Css(Enum value) => value.ToString().ToLowerInvariant();
}
