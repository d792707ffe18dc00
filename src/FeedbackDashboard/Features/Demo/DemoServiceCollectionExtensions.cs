namespace FeedbackDashboard.Features.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>Demo data on first run in Development (Demo:Seed), fresh feedback with --demo-live (Demo:Live).</summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder, string[] args)
    {
        var options = builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        var live = DemoSwitches.HasLive(args);
        if (live)
        {
            options.Configure(o => o.Live = true);
        }

        var section = builder.Configuration.GetSection(DemoOptions.SectionName);
        var seed = section.GetValue<bool?>(nameof(DemoOptions.Seed)) ?? builder.Environment.IsDevelopment();
        if (seed)
        {
            builder.Services.AddHostedService<DemoDataSeeder>();
        }
        if (live || section.GetValue<bool>(nameof(DemoOptions.Live)))
        {
            builder.Services.AddHostedService<DemoLiveFeed>();
        }
        return builder;
    }
}
