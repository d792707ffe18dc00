using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests;

public static class PageExtensions
{
    /// <summary>Signs in through the server-rendered form, as a person would.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Waits until the Blazor circuit is up, so clicks reach the server.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-circuit=live]").WaitForAsync();

    /// <summary>MudBlazor puts extra attributes on the input or on its wrapper, depending on the component.</summary>
    public static ILocator InputByTestId(this IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;

    public static Task ScreenshotStepAsync(this IPage page, string test, int step, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserAppFixture.ScreenshotDirectory, $"{test}-{step:00}-{name}.png"),
            FullPage = true,
        });

    /// <summary>Collects what the browser reports as errors: CSP violations and script failures.</summary>
    public static List<string> CollectErrors(this IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
