using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedbackDashboard.Features.Shared;

public static class ApiJson
{
    /// <summary>
    /// camelCase in and out, no comments or trailing commas, shallow nesting, and no property twice
    /// in one object: parsers disagree on which of two values wins, so such a body is refused (400).
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 16,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        AllowDuplicateProperties = false,
    };
}
