using System.Text.Json.Serialization;

namespace LrLab.Core.Diagnosis;

/// <summary>What a piece of <see cref="Evidence"/> observed in the loss curve.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvidenceKind>))]
public enum EvidenceKind
{
    /// <summary>The loss became NaN or infinite.</summary>
    [JsonStringEnumMemberName("non-finite")]
    NonFinite,

    /// <summary>The loss rose well above its best value and stayed there or kept rising.</summary>
    [JsonStringEnumMemberName("rise")]
    Rise,

    /// <summary>A short burst far above the loss around it, early in the run.</summary>
    [JsonStringEnumMemberName("spike")]
    Spike,

    /// <summary>The loss goes up and down by large amounts instead of settling.</summary>
    [JsonStringEnumMemberName("bounce")]
    Bounce,

    /// <summary>A stretch where the loss fell.</summary>
    [JsonStringEnumMemberName("drop")]
    Drop,

    /// <summary>A stretch where the loss fell by a tiny fraction per step.</summary>
    [JsonStringEnumMemberName("slow")]
    Slow,

    /// <summary>A stretch where the loss did not move beyond its noise.</summary>
    [JsonStringEnumMemberName("flat")]
    Flat,

    /// <summary>The learning rate the log recorded where the loss blew up.</summary>
    [JsonStringEnumMemberName("rate")]
    Rate,
}
