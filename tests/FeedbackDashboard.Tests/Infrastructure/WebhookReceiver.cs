using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>A real HTTP receiver on a loopback port, as an AI application runs one: records every call, and can fail the first few.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    public sealed record Call(string Body, IReadOnlyDictionary<string, string> Headers, int AnsweredWith);

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Call> Calls { get; } = new();
    public Uri Url { get; private set; } = default!;

    /// <param name="redirectTo">When given, every call is answered 302 with this Location.</param>
    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0, string? redirectTo = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { _failuresLeft = failFirst };
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var status = redirectTo is not null ? 302 : Interlocked.Decrement(ref receiver._failuresLeft) >= 0 ? 503 : 200;
            receiver.Calls.Enqueue(new Call(body, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), status));
            if (redirectTo is not null)
            {
                request.HttpContext.Response.Headers.Location = redirectTo;
            }
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    /// <summary>Waits until the receiver has answered at least this many calls.</summary>
    public async Task<IReadOnlyList<Call>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Calls.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The receiver got {Calls.Count} calls, not {count}.");
            }
            await Task.Delay(20);
        }
        return [.. Calls];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
