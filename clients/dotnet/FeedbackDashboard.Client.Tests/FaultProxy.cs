using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedbackDashboard.Client.Tests;

/// <summary>
/// Stands between a client and the dashboard on loopback and fails POSTs on purpose: the first few
/// answered 503 with Retry-After without reaching the dashboard, or forwarded and then answered 503
/// anyway (the answer lost on the way back, as a proxy timeout loses it). Everything else is forwarded.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _refuse;
    private int _forwardThenFail;
    private int _posts;

    private FaultProxy(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = default!;
    public int Posts => Volatile.Read(ref _posts);

    public static async Task<FaultProxy> StartAsync(Uri target, int refuseFirst = 0, int forwardThenFailFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new FaultProxy(app) { _refuse = refuseFirst, _forwardThenFail = forwardThenFailFirst };
        var upstream = new HttpClient { BaseAddress = target };
        app.Run(async context =>
        {
            var post = HttpMethods.IsPost(context.Request.Method);
            if (post)
            {
                Interlocked.Increment(ref proxy._posts);
                if (Interlocked.Decrement(ref proxy._refuse) >= 0)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                }
            }
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
            if (context.Request.ContentLength > 0 || post)
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                request.Content = new ByteArrayContent(body.ToArray());
                request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
            }
            foreach (var header in context.Request.Headers.Where(h => h.Key is "X-Api-Key" or "If-None-Match"))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
            using var response = await upstream.SendAsync(request);
            if (post && Interlocked.Decrement(ref proxy._forwardThenFail) >= 0)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            context.Response.StatusCode = (int)response.StatusCode;
            if (response.Headers.ETag is { } tag)
            {
                context.Response.Headers.ETag = tag.ToString();
            }
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body);
        });
        await app.StartAsync();
        proxy.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return proxy;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
