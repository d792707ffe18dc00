using FeedbackDashboard.Core.Insights;

namespace FeedbackDashboard.Features.Segments;

public static class SegmentsServiceCollectionExtensions
{
    /// <summary>
    /// Segments: which interaction metadata keys are aggregated per day (Segments:Keys, a comma list
    /// or an array; Segments:MaxValues), the aggregator the feedback writer calls, and the reader.
    /// </summary>
    public static IHostApplicationBuilder AddSegments(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SegmentOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection(SegmentOptions.SectionName);
            var keys = section.GetSection("Keys");
            if (keys.Value is { } text)
            {
                options.Keys = SegmentOptions.ParseKeys(text);
            }
            else if (keys.GetChildren().Any())
            {
                options.Keys = SegmentOptions.ParseKeys(string.Join(',', keys.GetChildren().Select(c => c.Value)));
            }
            options.MaxValues = section.GetValue("MaxValues", options.MaxValues);
        }).Validate(o => SegmentSettingsStore.Validate(o).IsEmpty, "Segments: at most 10 distinct keys of up to 100 characters, and MaxValues between 2 and 200.")
            .ValidateOnStart();
        services.AddSingleton<SegmentSettingsStore>();
        services.AddSingleton<SegmentValueCatalog>();
        services.AddSingleton<SegmentAggregator>();
        services.AddSingleton<SegmentQueries>();
        return builder;
    }
}
