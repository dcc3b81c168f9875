using System.Text.Json.Serialization;

namespace LrLab.Core;

/// <summary>The one verdict vocabulary used by simulations, the diagnosis and the UI badges.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>Not enough evidence either way.</summary>
    [JsonStringEnumMemberName("inconclusive")]
    Inconclusive,

    /// <summary>The rate is too small: the loss crawls or sits on a plateau.</summary>
    [JsonStringEnumMemberName("too-small")]
    TooSmall,

    /// <summary>Steady, fast decrease: convergence in tens of steps.</summary>
    [JsonStringEnumMemberName("just-right")]
    JustRight,

    /// <summary>The rate is too large: the run bounces, diverges or overflows.</summary>
    [JsonStringEnumMemberName("too-large")]
    TooLarge,
}
