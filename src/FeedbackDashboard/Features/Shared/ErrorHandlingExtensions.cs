namespace FeedbackDashboard.Features.Shared;

public static class ErrorHandlingExtensions
{
    /// <summary>
    /// The API answers errors with ProblemDetails; pages get the HTML error and not-found pages.
    /// </summary>
    public static WebApplication UseFeedbackErrorHandling(this WebApplication app)
    {
        static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(ApiEndpoints.ApiPrefix);

        app.UseWhen(IsApi, api => api.UseExceptionHandler());
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/Error", createScopeForErrors: true);
            }
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        return app;
    }
}
