using System.Text.Json.Serialization;

namespace LrLab.Core.Finder;

/// <summary>The stretches a range-test curve goes through, left to right on the rate axis.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RegionKind>))]
public enum RegionKind
{
    /// <summary>The rate is too small to move the loss.</summary>
    [JsonStringEnumMemberName("flat")]
    Flat,

    /// <summary>The loss falls as the rate grows: the useful range.</summary>
    [JsonStringEnumMemberName("descending")]
    Descending,

    /// <summary>The bottom of the curve: within 10 % of the total drop from the lowest loss.</summary>
    [JsonStringEnumMemberName("best")]
    Best,

    /// <summary>The rate is too large: the loss climbs back up or blows up.</summary>
    [JsonStringEnumMemberName("climbing")]
    Climbing,
}
