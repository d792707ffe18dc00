using System.Net;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Realtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>The app on a real Kestrel port, for real SignalR clients over WebSockets.</summary>
public sealed class KestrelApp : IAsyncLifetime
{
    public FeedbackAppFactory Factory { get; } = new();
    public Uri BaseAddress { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseAddress = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return Task.CompletedTask;
    }

    /// <summary>A person's browser: a cookie jar, signed in through the real form.</summary>
    public async Task<SignedIn> SignInAsync(DemoAccounts.Account account)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        var response = await client.SignInAsync(account.Email, account.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new SignedIn(client, cookies);
    }

    public HttpClient CreateApiClient(string? apiKey = FeedbackAppFactory.ApiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
        return client;
    }

    /// <summary>A real SignalR client of /hubs/review, with the given cookies (none: anonymous) and headers.</summary>
    public HubConnection Hub(CookieContainer? cookies = null, IDictionary<string, string>? headers = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, ReviewHub.Path.TrimStart('/')), options =>
            {
                if (cookies is not null)
                {
                    options.Cookies = cookies;
                }
                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                {
                    options.Headers[name] = value;
                }
            })
            .Build();

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public sealed record SignedIn(HttpClient Client, CookieContainer Cookies);
}
