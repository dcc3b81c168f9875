using System.Text.Json.Serialization;

namespace LrLab.Core.Finder;

/// <summary>How the rate grows from the start rate to the end rate over the iterations.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RangeTestMode>))]
public enum RangeTestMode
{
    /// <summary>Geometric steps: lrᵢ = start·(end/start)^(i/(n−1)), evenly spaced on a log axis.</summary>
    [JsonStringEnumMemberName("exp")]
    Exponential,

    /// <summary>Even steps: lrᵢ = start + (end − start)·i/(n−1).</summary>
    [JsonStringEnumMemberName("linear")]
    Linear,
}
