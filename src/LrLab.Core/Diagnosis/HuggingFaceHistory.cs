using System.Text.Json;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// The <c>log_history</c> of a HuggingFace Trainer <c>trainer_state.json</c>: one object per logging event. Training
/// entries carry <c>loss</c>, <c>learning_rate</c>, <c>grad_norm</c>, <c>epoch</c> and <c>step</c>; evaluation entries
/// carry <c>eval_loss</c> instead and the closing summary <c>train_loss</c> (the mean of the whole run): both are
/// skipped. Python's json module writes a NaN loss as a bare <c>NaN</c>, which the caller has already made readable.
/// With its default <c>logging_nan_inf_filter</c> the Trainer hides a NaN loss (it logs the interval's mean so far,
/// 0.0 once every step is NaN), but <c>grad_norm</c> still turns NaN or inf: such an entry is read as a NaN loss,
/// because the weights are broken from there on.
/// </summary>
internal static class HuggingFaceHistory
{
    public const string Key = "log_history";

    /// <summary>Reads the array the reader stands on; returns the key the losses came from.</summary>
    public static string Read(ref Utf8JsonReader reader, int[] lineStarts, string? column, List<double> losses, List<double> steps, List<double> rates)
    {
        var lossKey = column ?? "loss";
        var entries = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (JsonLossLog.Read(ref reader, lineStarts) && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = JsonLossLog.Line(lineStarts, reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw LossLogParser.Error(line, "log_history must be an array of objects");
            }

            entries++;
            double? loss = null, step = null;
            var rate = double.NaN;
            var gradNorm = 0.0;
            while (JsonLossLog.Read(ref reader, lineStarts) && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString() ?? string.Empty;
                keys.Add(name);
                JsonLossLog.Read(ref reader, lineStarts);
                var valueLine = JsonLossLog.Line(lineStarts, reader.TokenStartIndex);
                if (name.Equals(lossKey, StringComparison.Ordinal))
                {
                    loss = JsonLossLog.Number(ref reader, valueLine);
                }
                else if (name == "step" && reader.TokenType == JsonTokenType.Number)
                {
                    step = reader.GetDouble();
                }
                else if (name == "learning_rate" && reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
                {
                    rate = JsonLossLog.Number(ref reader, valueLine);
                }
                else if (name == "grad_norm" && reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
                {
                    gradNorm = JsonLossLog.Number(ref reader, valueLine);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (loss is { } l)
            {
                l = double.IsFinite(gradNorm) ? l : double.NaN;
                LossLogParser.Add(losses, l, line);
                steps.Add(step ?? (steps.Count > 0 ? steps[^1] + 1 : 0));
                rates.Add(rate);
            }
        }

        if (losses.Count == 0)
        {
            var candidates = keys.Where(k => k.Contains("loss", StringComparison.OrdinalIgnoreCase)).ToArray();
            throw entries == 0
                ? LossLogParser.Error(1, "log_history is empty: the Trainer logged nothing yet (it logs every logging_steps steps)")
                : candidates.Length > 0
                    ? InputException.For("column", column is null
                        ? $"must name the loss: no log_history entry has \"loss\" (candidates: {string.Join(", ", candidates)})"
                        : $"'{LossLogParser.Clip(column)}': no log_history entry has it (candidates: {string.Join(", ", candidates)})", 1)
                    : LossLogParser.Error(1, $"no log_history entry has \"{lossKey}\"");
        }

        return lossKey;
    }
}
