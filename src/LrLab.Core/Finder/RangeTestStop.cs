using System.Text.Json.Serialization;

namespace LrLab.Core.Finder;

/// <summary>Why a range test ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RangeTestStop>))]
public enum RangeTestStop
{
    /// <summary>All iterations ran up to the end rate.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The smoothed loss rose above the divergence threshold (4× its best by default).</summary>
    [JsonStringEnumMemberName("diverged")]
    Diverged,

    /// <summary>The loss became NaN or infinite.</summary>
    [JsonStringEnumMemberName("non-finite")]
    NonFinite,

    /// <summary>The caller stopped the test before it ended.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
