using System.Net;
using FeedbackDashboard.Components.Account;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Access;

/// <summary>Bad parameters get a clear answer, never a server error, and a correct sign-in always signs in.</summary>
public class HostileInputTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);

    public static TheoryData<string> ForeignReturnUrls() =>
    [
        "https://evil.example/", "//evil.example", "\\\\evil.example", "/\\evil.example", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
        "http:evil.example", "https:/evil.example", "%2F%2Fevil.example", " //evil.example", "\t//evil.example", "/%09/evil.example",
        "https://localhost.evil.example/", "ftp://evil.example/", "mailto:x@evil.example", "///evil.example", "/\r\n/evil.example",
        "", "   ", "\u202e/review", "{{7*7}}",
    ];

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task SignIn_WithAReturnUrlThatIsNotALocalPath_SignsInAndGoesHome(string returnUrl)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var fields = SignInExtensions.FormFields(await form.Content.ReadAsStringAsync(), "login");
        fields["Input.Email"] = Admin.Email;
        fields["Input.Password"] = Admin.Password;

        var response = await client.PostAsync(page, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(app.Server.BaseAddress, response.Headers.Location!);
        Assert.Equal(app.Server.BaseAddress.Authority, location.Authority);
        Assert.False(location.AbsolutePath.StartsWith("//", StringComparison.Ordinal), location.ToString()); // %2F%2F stays a path here, served as a 404
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/insights")).StatusCode);
    }

    [Theory]
    [InlineData("review", "/review")]
    [InlineData("/corrections?status=pending", "/corrections?status=pending")]
    [InlineData("tasks/5?kind=negative", "/tasks/5?kind=negative")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("\\\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData(null, "/")]
    public void LocalReturnUrl_KeepsPathsOfThisApp_Only(string? url, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.Of(url));

    [Theory]
    [InlineData("/api/v1/insights?from=0001-01-01&to=2026-01-01", "from")]
    [InlineData("/api/v1/insights?from=2026-01-01&to=9999-12-31", "to")]
    [InlineData("/api/v1/insights/export?format=json&from=0001-01-01&to=0001-01-02", "from")]
    [InlineData("/api/v1/feedback/export?format=json&from=2026-01-01&to=9999-12-31", "to")]
    [InlineData("/api/v1/issues?from=0001-01-01&to=0001-01-01", "from")]
    public async Task WindowsAtTheEndsOfTheCalendar_Are400NamingTheField_BeforeAnyByteIsStreamed(string url, string field)
    {
        var response = await app.CreateApiClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    private static readonly string[] HostileValues =
    [
        "0001-01-01", "9999-12-31", "-1", "0", "2147483648", "99999999999999999999999", "-9223372036854775808", "NaN", "1e309",
        "' OR 1=1 --", "<script>alert(1)</script>", "%00", "\u202e", "../../etc/passwd", "[]", "{}", "true", new string('x', 4000), "",
    ];

    /// <summary>Every query and route parameter of every GET endpoint of the API, with each hostile value, as an admin and as a key: never 5xx, and a 400 names the field.</summary>
    [Fact]
    public async Task EveryParameterOfEveryEndpoint_WithHostileValues_NeverAnswers5xx()
    {
        var endpoints = app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.HttpMethod == "GET" && d.RelativePath!.StartsWith("api/v1", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count > 15, $"only {endpoints.Count} endpoints described");
        var callers = new[] { app.CreateApiClient(), await app.CreateSignedInClientAsync(Admin) };
        var failures = new List<string>();
        var requests = 0;
        foreach (var endpoint in endpoints)
        {
            var parameters = endpoint.ParameterDescriptions.Where(p => p.Source == BindingSource.Query || p.Source == BindingSource.Path).ToList();
            foreach (var parameter in parameters)
            {
                foreach (var value in HostileValues)
                {
                    var url = "/" + endpoint.RelativePath!;
                    foreach (var path in parameters.Where(p => p.Source == BindingSource.Path))
                    {
                        url = url.Replace($"{{{path.Name}}}", Uri.EscapeDataString(path == parameter ? value : "1"));
                    }
                    if (parameter.Source == BindingSource.Query)
                    {
                        url += $"?{parameter.Name}={Uri.EscapeDataString(value)}";
                    }
                    foreach (var caller in callers)
                    {
                        requests++;
                        var response = await caller.GetAsync(url);
                        if ((int)response.StatusCode >= 500 || (response.StatusCode == HttpStatusCode.BadRequest && !(await response.Content.ReadAsStringAsync()).Contains("\"errors\"")))
                        {
                            failures.Add($"{(int)response.StatusCode} GET {url[..Math.Min(url.Length, 120)]}");
                        }
                    }
                }
            }
        }

        Assert.True(requests > 500, $"{requests} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
    }
}
