using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Features.FeedbackTokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests;

/// <summary>
/// The TypeScript package's feedback widget on a shop's page (another origin, served by the test), posting with a
/// feedback token: accepted for its interaction, refused with an expired token or another interaction's.
/// </summary>
public class WidgetTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    /// <summary>
    /// The shop's page is served from loopback too (another port, so another origin): chromium refuses requests from a
    /// public page to a loopback address (Private Network Access), and the dashboard here listens on loopback.
    /// </summary>
    public static readonly int ShopPort = ScaleOut.RedisServer.FreePort();

    public static readonly string ShopOrigin = $"http://localhost:{ShopPort}";

    [Fact]
    public async Task TheWidget_SendsWithAToken_AndIsRefusedWithAnExpiredOneOrAnotherInteractions()
    {
        var widget = await BuiltWidgetAsync();
        var tokens = app.Services.GetRequiredService<FeedbackTokenService>();
        var mine = await InteractionAsync();
        var other = await InteractionAsync();

        // Accepted: keyboard only, a thumbs-down with a comment.
        var page = await ShopPageAsync(widget, mine, await TokenAsync(mine));
        await page.GetByRole(AriaRole.Button, new() { Name = "No, not helpful" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "No, not helpful" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.TypeAsync("The size chart is out of date"); // the comment field has the focus
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you for your feedback.");
        await page.ScreenshotStepAsync(nameof(TheWidget_SendsWithAToken_AndIsRefusedWithAnExpiredOneOrAnotherInteractions), 1, "sent");
        var stored = await FeedbackOfAsync(mine);
        Assert.Equal("negative", (string)stored.Single()!["type"]!);
        Assert.Equal("The size chart is out of date", (string)stored.Single()!["comment"]!);

        // Refused: a token past its expiry, and a token for another interaction.
        var expired = tokens.Seal(new FeedbackGrant("expired-in-test", other, DateTimeOffset.UtcNow.AddMinutes(-1)));
        foreach (var token in new[] { expired, await TokenAsync(mine) })
        {
            var refused = await ShopPageAsync(widget, other, token);
            await refused.GetByRole(AriaRole.Button, new() { Name = "Yes, helpful" }).ClickAsync();
            await refused.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
            await Assertions.Expect(refused.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your feedback could not be sent.");
        }
        Assert.Empty(await FeedbackOfAsync(other));
    }

    private async Task<IPage> ShopPageAsync(string widget, string interactionId, string token)
    {
        var html = $$"""
            <!doctype html><html lang="en"><head><title>Shop</title></head><body>
            <p>Our assistant said: order one size up.</p>
            <div id="feedback" style="--fd-accent: #00897b"></div>
            <script type="module">
              import { mountFeedbackWidget } from "/widget.js";
              mountFeedbackWidget(document.getElementById("feedback"),
                { baseUrl: "{{app.BaseAddress}}", interactionId: "{{interactionId}}", token: "{{token}}", allowCorrection: true });
            </script></body></html>
            """;
        var shop = await Shop.Value;
        shop.Page = html;
        shop.Widget = widget;
        var page = await app.NewPageAsync();
        await page.GotoAsync($"{ShopOrigin}/product");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, helpful" })).ToBeVisibleAsync();
        return page;
    }

    private static readonly Lazy<Task<ShopServer>> Shop = new(() => ShopServer.StartAsync(ShopPort));

    /// <summary>The shop's web server: the product page and the widget module, as a site that embeds the widget serves them.</summary>
    private sealed class ShopServer
    {
        public string Page { get; set; } = "";
        public string Widget { get; set; } = "";

        public static async Task<ShopServer> StartAsync(int port)
        {
            var shop = new ShopServer();
            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
            var web = builder.Build();
            web.MapGet("/widget.js", () => Microsoft.AspNetCore.Http.Results.Text(shop.Widget, "text/javascript"));
            web.MapGet("/product", () => Microsoft.AspNetCore.Http.Results.Text(shop.Page, "text/html"));
            await web.StartAsync();
            return shop;
        }
    }

    private async Task<string> InteractionAsync()
    {
        var id = $"widget-{Guid.NewGuid():N}";
        using var api = app.CreateApiClient();
        (await api.PostAsJsonAsync("/api/v1/interactions", new { id, query = "Which size should I order?", response = "One size up.", source = "shop" }))
            .EnsureSuccessStatusCode();
        return id;
    }

    private async Task<string> TokenAsync(string interactionId)
    {
        using var api = app.CreateApiClient();
        var response = await api.PostAsync($"/api/v1/interactions/{interactionId}/feedback-tokens", null);
        response.EnsureSuccessStatusCode();
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!;
    }

    private async Task<JsonArray> FeedbackOfAsync(string interactionId)
    {
        using var api = app.CreateApiClient();
        return JsonNode.Parse(await api.GetStringAsync($"/api/v1/interactions/{interactionId}"))!["feedback"]!.AsArray();
    }

    /// <summary>The widget as the npm package ships it: built from clients/typescript (npm ci, tsc) once per run.</summary>
    private static async Task<string> BuiltWidgetAsync()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FeedbackDashboard.sln")))
        {
            directory = directory.Parent;
        }
        var package = Path.Combine(directory!.FullName, "clients", "typescript");
        await BuildOnce.Value;
        return await File.ReadAllTextAsync(Path.Combine(package, "dist", "widget.js"));
    }

    private static readonly Lazy<Task> BuildOnce = new(async () =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "FeedbackDashboard.sln")))
        {
            directory = directory.Parent;
        }
        var package = Path.Combine(directory.FullName, "clients", "typescript");
        foreach (var arguments in new[] { new[] { "ci", "--no-audit", "--no-fund" }, ["run", "build"] })
        {
            using var process = Process.Start(new ProcessStartInfo("npm", arguments) { WorkingDirectory = package, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm {string.Join(' ', arguments)} failed: {await output}{await error}");
            }
        }
    });
}
