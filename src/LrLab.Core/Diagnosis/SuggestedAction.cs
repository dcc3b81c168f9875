using System.Text.Json.Serialization;

namespace LrLab.Core.Diagnosis;

/// <summary>Which way to move the learning rate.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuggestedAction>))]
public enum SuggestedAction
{
    /// <summary>Keep the rate.</summary>
    [JsonStringEnumMemberName("keep")]
    Keep,

    /// <summary>Raise the rate.</summary>
    [JsonStringEnumMemberName("increase")]
    Increase,

    /// <summary>Lower the rate.</summary>
    [JsonStringEnumMemberName("decrease")]
    Decrease,
}
