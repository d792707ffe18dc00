using Microsoft.AspNetCore.HttpOverrides;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// Where HTTPS ends and what follows from it: forwarded headers from the known proxies only, then
/// (Security:RequireHttps, outside Development) the redirect, HSTS and Secure cookies. An app told to
/// require HTTPS that can see neither an HTTPS endpoint of its own nor a proxy that says the scheme
/// would silently do none of it, so it refuses to start instead.
/// </summary>
public static class HttpsPolicy
{
    public static IHostApplicationBuilder AddHttpsPolicy(this IHostApplicationBuilder builder)
    {
        var plan = HttpsPlan.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(plan);
        if (plan.Problem is { } problem)
        {
            ConfigurationProblem.Register(builder.Services, problem);
        }
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var network in plan.Proxies)
            {
                options.KnownIPNetworks.Add(network);
            }
            options.ForwardLimit = null; // walk back through every known proxy to the first address that is not one
        });
        if (plan.Enforced)
        {
            builder.Services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            builder.Services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            if (!plan.ListensOnHttps)
            {
                builder.Services.AddHttpsRedirection(o => o.HttpsPort = plan.ProxyHttpsPort);
            }
        }
        return builder;
    }

    /// <summary>Forwarded headers first (the scheme and address everything after relies on), then redirect and HSTS.</summary>
    public static WebApplication UseHttpsPolicy(this WebApplication app)
    {
        var plan = app.Services.GetRequiredService<HttpsPlan>();
        if (plan.Proxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        if (plan.Enforced)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }
}
