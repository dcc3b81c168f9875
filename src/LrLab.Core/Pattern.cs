using System.Text.Json.Serialization;

namespace LrLab.Core;

/// <summary>The shape of a loss curve that a <see cref="Verdict"/> rests on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Pattern>))]
public enum Pattern
{
    /// <summary>Loss falls steadily by a tiny fraction each step.</summary>
    [JsonStringEnumMemberName("crawling")]
    Crawling,

    /// <summary>Loss barely moves because the gradient is tiny (or it sat flat).</summary>
    [JsonStringEnumMemberName("plateau")]
    Plateau,

    /// <summary>Monotone, diminishing-returns decrease.</summary>
    [JsonStringEnumMemberName("smooth")]
    Smooth,

    /// <summary>The updates flip sign: the point bounces from wall to wall.</summary>
    [JsonStringEnumMemberName("oscillating")]
    Oscillating,

    /// <summary>The loss grows: each step overshoots further.</summary>
    [JsonStringEnumMemberName("diverging")]
    Diverging,

    /// <summary>The loss became NaN.</summary>
    [JsonStringEnumMemberName("nan")]
    Nan,
}
