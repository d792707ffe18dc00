namespace FeedbackDashboard.Features.Shared;

public static class ErrorHandlingExtensions
{
    /// <summary>
    /// The API and the hub answer errors with status codes (and ProblemDetails); pages get the
    /// HTML error and not-found pages.
    /// </summary>
    public static WebApplication UseFeedbackErrorHandling(this WebApplication app)
    {
        static bool IsApi(HttpContext context) => ApiPaths.IsMachineFacing(context.Request.Path);

        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            // Refusals made before an endpoint runs (415 from the content-type check, 405, 404) get a ProblemDetails body too.
            api.UseStatusCodePages();
        });
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
