using FeedbackDashboard.Features.Access;

namespace FeedbackDashboard.Features.FeedbackTokens;

public static class FeedbackTokensServiceCollectionExtensions
{
    /// <summary>
    /// Feedback straight from end users' browsers: tokens for one interaction, their authentication
    /// scheme (chosen on /api by the X-Feedback-Token header), and CORS for FeedbackTokens:AllowedOrigins
    /// on the feedback endpoint alone, without credentials.
    /// </summary>
    public static IHostApplicationBuilder AddFeedbackTokens(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FeedbackTokenOptions>().BindConfiguration(FeedbackTokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FeedbackTokenService>();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, FeedbackTokenAuthenticationHandler>(
            FeedbackTokenAuthenticationHandler.SchemeName, null);
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<FeedbackTokenOptions>>((cors, tokens) =>
                cors.AddPolicy(FeedbackTokenEndpoints.CorsPolicy, policy => policy
                    .WithOrigins([.. tokens.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                    .WithMethods(HttpMethods.Post)
                    .WithHeaders("Content-Type", FeedbackTokenAuthenticationHandler.HeaderName)
                    .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return builder;
    }
}
