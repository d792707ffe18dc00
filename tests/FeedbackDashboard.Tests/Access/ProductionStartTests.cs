using System.Diagnostics;
using System.Net;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Access;

/// <summary>Starts the real app as its own process, as an operator would.</summary>
public class ProductionStartTests
{
    private static async Task<(int ExitCode, string Output)> StartAsync(params (string Name, string Value)[] environment) =>
        await StartAsync(whenListening: null, environment);

    /// <summary>Runs the app until it exits; when it listens, <paramref name="whenListening"/> gets its address and then it is stopped.</summary>
    private static async Task<(int ExitCode, string Output)> StartAsync(Func<Uri, Task>? whenListening, params (string Name, string Value)[] environment)
    {
        var directory = Directory.CreateTempSubdirectory("feedback-prod-");
        var app = Path.Combine(AppContext.BaseDirectory, "FeedbackDashboard.dll");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Feedback"] = $"Data Source={Path.Combine(directory.FullName, "feedback.db")}";
        start.Environment["Security__RequireHttps"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var lines = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.AppendLine(line);
                var at = line.IndexOf("Now listening on: ", StringComparison.Ordinal);
                if (at >= 0 && whenListening is not null)
                {
                    await whenListening(new Uri(line[(at + 18)..].Trim()));
                    process.Kill(entireProcessTree: true);
                }
            }
            var output = Task.FromResult(lines.ToString());
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "still running after 60 s: " + lines);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Production_WithNoUsersAndNoAdminConfigured_ExitsNonZeroSayingWhatToSet()
    {
        var (exitCode, output) = await StartAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("Bootstrap:AdminEmail", output);
        Assert.Contains("Bootstrap__AdminPassword", output);
    }

    [Fact]
    public async Task Production_WithTheBootstrapAdminAndKey_StartsAndServesTheApi()
    {
        const string key = "fdk_production-bootstrap-key-0123456789abcdef";
        HttpStatusCode? ready = null, insights = null, page = null;

        await StartAsync(async address =>
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
            ready = (await client.GetAsync("/health/ready")).StatusCode;
            page = (await client.GetAsync("/")).StatusCode;
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            insights = (await client.GetAsync("/api/v1/insights")).StatusCode;
        }, ("Bootstrap__AdminEmail", "root@example.com"), ("Bootstrap__AdminPassword", "Strong-Root-2026"), ("Bootstrap__IngestApiKey", key));

        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal(HttpStatusCode.Redirect, page); // to the sign-in page: no anonymous dashboard in production either
        Assert.Equal(HttpStatusCode.OK, insights);
    }

    [Fact]
    public async Task Production_WithAWeakBootstrapPassword_ExitsNonZero()
    {
        var (exitCode, output) = await StartAsync(("Bootstrap__AdminEmail", "root@example.com"), ("Bootstrap__AdminPassword", "weak"));

        Assert.Equal(2, exitCode);
        Assert.Contains("root@example.com", output);
    }

    private static readonly (string, string)[] Admin =
        [("Bootstrap__AdminEmail", "root@example.com"), ("Bootstrap__AdminPassword", "Strong-Root-2026")];

    [Fact]
    public async Task Production_RequiringHttpsWithNeitherAnHttpsEndpointNorAKnownProxy_ExitsSayingWhatToSet()
    {
        var (exitCode, output) = await StartAsync([.. Admin, ("Security__RequireHttps", "true")]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Security:RequireHttps", output);
        Assert.Contains("Security:KnownProxies", output);
    }

    /// <summary>
    /// The app on plain HTTP behind a proxy that ends TLS (127.0.0.1, this test): what the proxy says
    /// about the scheme decides the redirect, HSTS and Secure cookies, as a browser would see them.
    /// </summary>
    [Fact]
    public async Task Production_BehindAKnownProxy_RedirectsHttp_SendsHsts_AndMarksEveryCookieSecure()
    {
        HttpResponseMessage? plain = null, page = null, signedIn = null;
        await StartAsync(async address =>
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
            plain = await client.SendAsync(Proxied(HttpMethod.Get, "/Account/Login", "http"));
            page = await client.SendAsync(Proxied(HttpMethod.Get, "/Account/Login", "https"));
            var fields = SignInExtensions.FormFields(await page.Content.ReadAsStringAsync(), "login");
            fields["Input.Email"] = "root@example.com";
            fields["Input.Password"] = "Strong-Root-2026";
            var post = Proxied(HttpMethod.Post, "/Account/Login", "https");
            post.Content = new FormUrlEncodedContent(fields);
            post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
            signedIn = await client.SendAsync(post);
        }, [.. Admin, ("Security__RequireHttps", "true"), ("Security__KnownProxies__0", "127.0.0.1")]);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain!.StatusCode);
        Assert.Equal("https://dashboard.example/Account/Login", plain.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, page!.StatusCode);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn!.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_ForwardedHeadersFromAnAddressThatIsNoKnownProxy_AreIgnored()
    {
        HttpResponseMessage? claimedHttps = null;
        await StartAsync(async address =>
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
            claimedHttps = await client.SendAsync(Proxied(HttpMethod.Get, "/Account/Login", "https"));
        }, [.. Admin, ("Security__RequireHttps", "true"), ("Security__KnownProxies__0", "10.9.8.0/24")]);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, claimedHttps!.StatusCode); // still plain HTTP to the app
    }

    [Fact]
    public async Task Production_WithAKeyRingCertificateItCannotOpen_ExitsSayingWhichSetting()
    {
        var directory = Directory.CreateTempSubdirectory("feedback-cert-");
        try
        {
            var certificate = KeyRingTests.NewCertificate(directory, "keyring", "the-real-password");
            var (exitCode, output) = await StartAsync([.. Admin,
                ("DataProtection__CertificatePath", certificate), ("DataProtection__CertificatePassword", "not-the-password")]);

            Assert.Equal(2, exitCode);
            Assert.Contains("DataProtection:CertificatePath", output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static HttpRequestMessage Proxied(HttpMethod method, string path, string scheme)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = "dashboard.example";
        request.Headers.Add("X-Forwarded-Proto", scheme);
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        return request;
    }
}
