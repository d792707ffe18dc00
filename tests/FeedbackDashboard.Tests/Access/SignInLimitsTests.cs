using System.Net;
using FeedbackDashboard.Components.Account.Pages;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Tests.Access;

/// <summary>
/// Sign-in tells nothing about which accounts exist and cannot be used to lock someone out: a client
/// address is stopped (SignIn:MaxFailuresPerAddress, 5 in 15 minutes) before any account is paused
/// (MaxFailuresPerAccount, 10). The work done is compared by counting password hash checks, not by
/// timing: every attempt checks exactly one hash, whether or not the account exists.
/// </summary>
public class SignInLimitsTests(SignInLimitsTests.App app) : IClassFixture<SignInLimitsTests.App>
{
    private const string AddressHeader = "X-Test-Client-Address";

    public sealed class App : FeedbackAppFactoryBase
    {
        public CountingPasswordHasher Hasher { get; } = new();

        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("SignIn:MaxFailuresPerAddress", "5");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher);
                // TestServer has no client address: each test client says which one it is.
                services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
            });
        }
    }

    public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private HttpClient From(string address)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    private static string NewAddress() => $"203.0.113.{Random.Shared.Next(1, 255)}";

    private async Task<(string Email, string Password, string Id)> NewUserAsync(string role = AppRoles.Reviewer)
    {
        var email = $"limits-{Guid.NewGuid():N}@demo.local";
        const string password = "Limits-Right-2026";
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var admin = TestPrincipals.WithRole(AppRoles.Admin);
        Assert.True((await people.CreateAsync(admin, email, password, role)).Succeeded);
        return (email, password, (await people.ListAsync(admin)).Single(u => u.Email == email).Id);
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var at = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "no error shown");
        var alert = html[at..html.IndexOf("<form", at, StringComparison.Ordinal)];
        return WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(alert, "<[^>]+>", " ")).Trim();
    }

    [Fact]
    public async Task OneAddress_IsStoppedBeforeTheAccountIsPaused_AndTheRealUserStillSignsInFromTheirs()
    {
        var (email, password, _) = await NewUserAsync();
        var attacker = From("198.51.100.7");
        var limit = app.Services.GetRequiredService<IOptions<SignInLimitsOptions>>().Value;
        Assert.True(limit.MaxFailuresPerAddress < limit.MaxFailuresPerAccount);

        for (var i = 0; i < limit.MaxFailuresPerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await attacker.SignInAsync(email, $"Guess-{i}-2026")).StatusCode);
        }
        var stopped = await attacker.SignInAsync(email, password); // even the right password: no more guesses from here
        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.True(stopped.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many failed sign-ins from your network", await stopped.Content.ReadAsStringAsync());

        var user = await From("192.0.2.10").SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, user.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(limit.WindowMinutes));
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.SignInAsync(email, password)).StatusCode);
    }

    [Fact]
    public async Task AnIPv6Client_IsCountedPerSlash64_SoRotatingItsAddressDoesNotReset()
    {
        var (email, _, _) = await NewUserAsync();
        var prefix = $"2001:db8:{Random.Shared.Next(1, 0xffff):x}:1";
        for (var i = 0; i < 5; i++)
        {
            await From($"{prefix}::{i + 1:x}").SignInAsync(email, "Wrong-Password-2026");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await From($"{prefix}::abcd").SignInAsync(email, "Wrong-Password-2026")).StatusCode);
    }

    [Fact]
    public async Task EveryFailure_LooksTheSame_AndChecksOnePasswordHash()
    {
        var (email, password, _) = await NewUserAsync();
        var (otherEmail, _, _) = await NewUserAsync();
        var (disabledEmail, disabledPassword, disabledId) = await NewUserAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var people = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            Assert.True((await people.SetDisabledAsync(TestPrincipals.WithRole(AppRoles.Admin), disabledId, true)).Succeeded);
        }
        var limit = app.Services.GetRequiredService<IOptions<SignInLimitsOptions>>().Value;
        // Pause the account from several addresses, as a distributed attack would have to.
        for (var i = 0; i < limit.MaxFailuresPerAccount; i++)
        {
            await From($"198.18.{i / 4}.{i % 4 + 1}").SignInAsync(email, "Wrong-Password-2026");
        }

        var outcomes = new List<(string Case, string Error, int Hashes)>();
        foreach (var (name, tryEmail, tryPassword) in new[]
                 {
                     ("unknown email", $"nobody-{Guid.NewGuid():N}@demo.local", "Whatever-2026"),
                     ("existing account, wrong password", otherEmail, "Whatever-2026"),
                     ("paused account, right password", email, password),
                     ("disabled account, right password", disabledEmail, disabledPassword),
                 })
        {
            var before = app.Hasher.Verifications;
            var response = await From(NewAddress()).SignInAsync(tryEmail, tryPassword);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            outcomes.Add((name, await ErrorOf(response), app.Hasher.Verifications - before));
        }

        Assert.All(outcomes, o => Assert.Contains(Login.FailedMessage, o.Error));
        Assert.Single(outcomes.Select(o => o.Error).Distinct());
        Assert.All(outcomes, o => Assert.True(o.Hashes == 1, $"{o.Case}: {o.Hashes} hash checks"));
    }
}
