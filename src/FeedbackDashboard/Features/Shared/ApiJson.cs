using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedbackDashboard.Features.Shared;

public static class ApiJson
{
    /// <summary>camelCase in and out, no comments or trailing commas, shallow nesting.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 16,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
