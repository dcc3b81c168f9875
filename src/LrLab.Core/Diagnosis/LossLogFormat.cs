using System.Text.Json.Serialization;

namespace LrLab.Core.Diagnosis;

/// <summary>The kind of file a loss log was read from (recognised by its content, never by its name).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LossLogFormat>))]
public enum LossLogFormat
{
    /// <summary>One number per line.</summary>
    [JsonStringEnumMemberName("lines")]
    Lines,

    /// <summary>CSV with a header row (a training script's log).</summary>
    [JsonStringEnumMemberName("csv")]
    Csv,

    /// <summary>TensorBoard's scalar export: <c>Wall time,Step,Value</c>.</summary>
    [JsonStringEnumMemberName("tensorboard")]
    TensorBoard,

    /// <summary>A JSON array of numbers, an array of objects, or an object holding a loss array.</summary>
    [JsonStringEnumMemberName("json")]
    Json,

    /// <summary>HuggingFace Trainer's <c>trainer_state.json</c> (its <c>log_history</c>).</summary>
    [JsonStringEnumMemberName("huggingface")]
    HuggingFace,

    /// <summary>A TensorBoard event file (<c>events.out.tfevents.*</c>: TFRecord-framed Event protos).</summary>
    [JsonStringEnumMemberName("tensorboard-events")]
    TensorBoardEvents,

    /// <summary>An MLflow file-store metric file (<c>timestamp value step</c> per line).</summary>
    [JsonStringEnumMemberName("mlflow")]
    Mlflow,

    /// <summary>A Weights &amp; Biases CSV export (<c>&lt;run&gt; - &lt;metric&gt;</c> columns).</summary>
    [JsonStringEnumMemberName("wandb")]
    Wandb,

    /// <summary>Keras' CSVLogger (<c>epoch,loss,…</c>, one row per epoch).</summary>
    [JsonStringEnumMemberName("keras")]
    Keras,

    /// <summary>PyTorch Lightning's CSVLogger <c>metrics.csv</c> (<c>epoch,step,…</c>; validation rows have blank loss cells).</summary>
    [JsonStringEnumMemberName("lightning")]
    Lightning,
}
