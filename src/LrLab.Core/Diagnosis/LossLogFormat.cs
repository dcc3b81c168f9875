using System.Text.Json.Serialization;

namespace LrLab.Core.Diagnosis;

/// <summary>The kind of text a loss log was read from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LossLogFormat>))]
public enum LossLogFormat
{
    /// <summary>One number per line.</summary>
    [JsonStringEnumMemberName("lines")]
    Lines,

    /// <summary>CSV with a header row (a training script's log, Lightning's metrics.csv).</summary>
    [JsonStringEnumMemberName("csv")]
    Csv,

    /// <summary>TensorBoard's scalar export: <c>Wall time,Step,Value</c>.</summary>
    [JsonStringEnumMemberName("tensorboard")]
    TensorBoard,

    /// <summary>A JSON array of numbers, an array of objects, or an object holding a loss array.</summary>
    [JsonStringEnumMemberName("json")]
    Json,
}
