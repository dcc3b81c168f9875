using System.Text;
using System.Text.Json;
using LrLab.Core.Diagnosis;

namespace LrLab.Core.Tests.Diagnosis;

/// <summary>
/// Logs in the formats practitioners have, written from real PyTorch training by tools/log_formats.py, which follows
/// each tool's own layout (and encodes TFRecord and the Event protos by hand from their specs, not with our reader).
/// The verdicts come from the runs' outcomes (manifest.json), not from the curves.
/// </summary>
public sealed class FormatFixtureTests
{
    private static readonly double[] _sweepRates = [0.001, 0.01, 0.1];
    private static readonly string _root = Path.Combine(AppContext.BaseDirectory, "Formats");

    private static JsonElement[] Manifest() =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "manifest.json"))).RootElement.GetProperty("files").EnumerateArray()];

    public static TheoryData<string, string, string> Judged()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var f in Manifest())
        {
            var verdict = f.GetProperty("verdict").GetString()!;
            if (verdict is "too-small" or "just-right" or "too-large")
            {
                data.Add(f.GetProperty("file").GetString()!, f.GetProperty("format").GetString()!, verdict);
            }
        }

        return data;
    }

    private static IReadOnlyList<LossLog> Read(string file, LossLogOptions? options = null)
    {
        using var stream = File.OpenRead(Path.Combine(_root, file));
        return LossLogReader.Read(stream, options);
    }

    private static string Wire<T>(T value) => JsonSerializer.Serialize(value).Trim('"');

    [Theory]
    [MemberData(nameof(Judged))]
    public void Each_format_is_recognised_by_content_and_diagnosed_as_its_outcome(string file, string format, string verdict)
    {
        var log = Assert.Single(Read(file));
        Assert.Equal(format, Wire(log.Format));
        var diagnosis = Diagnoser.Diagnose(log);
        Assert.Equal(verdict, Wire(diagnosis.Verdict));
    }

    [Fact]
    public void Format_is_found_from_the_bytes_not_the_file_name()
    {
        var bytes = File.ReadAllBytes(Path.Combine(_root, "hf-healthy", "trainer_state.json"));
        var log = LossLogReader.ReadOne(new MemoryStream(bytes));
        Assert.Equal(LossLogFormat.HuggingFace, log.Format);
        var events = File.ReadAllBytes(Directory.GetFiles(Path.Combine(_root, "tb-logdir", "lr0.1"))[0]);
        Assert.Equal(LossLogFormat.TensorBoardEvents, LossLogReader.ReadOne(new MemoryStream(events)).Format);
    }

    [Fact]
    public void HuggingFace_reads_training_entries_with_their_rates_and_skips_eval_and_summary()
    {
        var log = Assert.Single(Read("hf-healthy/trainer_state.json"));
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "hf-healthy", "trainer_state.json")));
        var training = json.RootElement.GetProperty("log_history").EnumerateArray().Where(e => e.TryGetProperty("loss", out _)).ToArray();
        Assert.Equal(training.Select(e => e.GetProperty("loss").GetDouble()), log.Losses);
        Assert.Equal(training.Select(e => e.GetProperty("step").GetDouble()), log.Steps);
        Assert.Equal(training.Select(e => e.GetProperty("learning_rate").GetDouble()), log.Rates!);
        Assert.Equal(3e-3, log.PeakRate()!.Value, 12);
    }

    [Fact]
    public void HuggingFace_blow_up_is_tied_to_the_warmup_peak_although_the_trainer_logged_loss_0()
    {
        var entry = Manifest().Single(f => f.GetProperty("file").GetString() == "hf-blowup/trainer_state.json");
        var log = Assert.Single(Read("hf-blowup/trainer_state.json"));
        var diagnosis = Diagnoser.Diagnose(log);
        Assert.Equal(Verdict.TooLarge, diagnosis.Verdict);
        Assert.Equal(Pattern.Nan, diagnosis.Pattern);
        Assert.Equal(16, diagnosis.Lr);
        var rate = Assert.Single(diagnosis.Evidence, e => e.Kind == EvidenceKind.Rate);

        // The writer's run turned NaN at its 53rd step, when warmup had just reached 16 after 50 steps; the Trainer
        // logs every 10 steps, and its entry at step 50 already averages losses of 1e8 (step 60 is the first with a
        // NaN grad_norm and, through logging_nan_inf_filter, a loss of 0.0).
        Assert.Equal(52, entry.GetProperty("firstNonFiniteStep").GetInt32());
        Assert.Equal(50, rate.FromStep);
        Assert.Equal(50, rate.ToStep);
        Assert.Equal("the loss blew up at step 50, just as warmup reached 16", rate.Finding);
        Assert.Contains("blew up", diagnosis.Explanation, StringComparison.Ordinal);
        Assert.Equal([0.16, 0.016], diagnosis.Suggestion.Rates!);
    }

    [Fact]
    public void TensorBoard_reads_simple_values_and_both_kinds_of_scalar_tensor_identically()
    {
        var styles = Manifest().Where(f => f.GetProperty("format").GetString() == "tensorboard-events" && f.TryGetProperty("style", out _))
            .Select(f => f.GetProperty("style").GetString()!).Distinct().ToArray();
        Assert.Equal(["simple", "tensor_content", "float_val"], styles);
        foreach (var dir in Directory.GetDirectories(Path.Combine(_root, "tb-logdir")))
        {
            var log = Assert.Single(Read(Path.GetRelativePath(_root, Directory.GetFiles(dir)[0])));
            Assert.Equal("train/loss", log.Column);
            Assert.Equal(640, log.Losses.Count);
            Assert.Equal(Enumerable.Range(0, 640).Select(i => (double)i), log.Steps);
            Assert.Equal(double.Parse(Path.GetFileName(dir)[2..], System.Globalization.CultureInfo.InvariantCulture), log.PeakRate()!.Value, 6);
        }
    }

    [Fact]
    public void TensorBoard_tag_picks_the_series_and_unknown_tags_are_listed()
    {
        var file = Path.GetRelativePath(_root, Directory.GetFiles(Path.Combine(_root, "tb-logdir", "lr0.1"))[0]);
        var accuracy = Assert.Single(Read(file, new LossLogOptions(Tag: "eval/accuracy")));
        Assert.Equal(12, accuracy.Losses.Count);
        var e = Assert.Throws<InputException>(() => Read(file, new LossLogOptions(Tag: "val/loss")));
        Assert.Equal("tag", e.Parameter);
        Assert.Equal("--tag 'val/loss': no such scalar tag (tags: train/loss, train/lr, eval/accuracy)", e.Worded(p => "--" + p));
    }

    [Theory]
    [InlineData("events.out.tfevents.corrupt", "the data checksum does not match")]
    [InlineData("events.out.tfevents.truncated", "truncated")]
    public void Damaged_event_files_name_the_byte_offset_the_writer_damaged(string file, string words)
    {
        var entry = Manifest().Single(f => f.GetProperty("file").GetString() == file);
        var e = Assert.Throws<InputException>(() => Read(file));
        Assert.StartsWith($"byte {entry.GetProperty("errorByte").GetInt64()}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(words, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Wandb_export_gives_one_log_per_run_and_ignores_min_max()
    {
        var runs = Read("wandb_export.csv");
        Assert.Equal(["sgd-lr0.001", "sgd-lr0.01", "sgd-lr0.1"], runs.Select(r => r.Run));
        Assert.All(runs, r => Assert.Equal("train/loss", r.Column));
        Assert.All(runs, r => Assert.Equal(128, r.Losses.Count));
        Assert.Equal(2.3478071689605713, runs[0].Losses[0]);
        Assert.Equal(5, runs[0].Steps[1]);
    }

    [Fact]
    public void Comparing_the_wandb_runs_ranks_them_by_outcome_and_advises_a_range()
    {
        var entry = Manifest().Single(f => f.GetProperty("file").GetString() == "wandb_export.csv");
        var verdicts = entry.GetProperty("verdicts").EnumerateArray().Select(v => v.GetString()).ToArray();
        var runs = Read("wandb_export.csv");
        var comparison = RunComparer.Compare([.. runs.Select((r, i) => new RunInput(r.Run, r, _sweepRates[i]))]);
        Assert.Equal("sgd-lr0.1", comparison.Best);
        Assert.Equal(["sgd-lr0.1", "sgd-lr0.01", "sgd-lr0.001"], comparison.Runs.Select(r => r.Source));
        Assert.Equal(verdicts.Reverse(), comparison.Runs.Select(r => Wire(r.Verdict)));
        Assert.Equal("0.01 crawled, 0.001 crawled, 0.1 was best: try 0.1–0.3", comparison.Advice);
        Assert.Equal([0.1, 0.3], comparison.Range!);
    }

    [Fact]
    public void A_logdir_compares_runs_with_rates_from_their_lr_tags()
    {
        var inputs = Directory.GetDirectories(Path.Combine(_root, "tb-logdir")).Order(StringComparer.Ordinal).Select(dir =>
        {
            var scalars = new TensorBoardScalars();
            using var stream = File.OpenRead(Directory.GetFiles(dir)[0]);
            scalars.Read(stream);
            return new RunInput(Path.GetFileName(dir), scalars.ToLog(LossLogOptions.Default));
        }).ToArray();
        var comparison = RunComparer.Compare(inputs);
        Assert.Equal("lr0.1", comparison.Best);
        Assert.Equal("lr3", comparison.Runs[^1].Source);
        Assert.StartsWith("3 ", comparison.Advice, StringComparison.Ordinal);
        Assert.EndsWith("0.1 was best: try 0.1–0.5", comparison.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Mlflow_metric_file_reads_value_and_step()
    {
        var log = Assert.Single(Read("mlruns/0/4f6d2c1a9b8e4f7d/metrics/loss"));
        var first = File.ReadLines(Path.Combine(_root, "mlruns/0/4f6d2c1a9b8e4f7d/metrics/loss")).First().Split(' ');
        Assert.Equal(double.Parse(first[1], System.Globalization.CultureInfo.InvariantCulture), log.Losses[0]);
        Assert.Equal(640, log.Losses.Count);
        Assert.Equal(639, log.Steps[^1]);
    }

    [Fact]
    public void Keras_and_Lightning_keep_their_rate_columns()
    {
        var keras = Assert.Single(Read("keras_log.csv"));
        Assert.Equal("loss", keras.Column);
        Assert.All(keras.Rates!, r => Assert.Equal(0.05, r));
        var lightning = Assert.Single(Read("lightning_metrics.csv"));
        Assert.Equal("train_loss", lightning.Column);
        Assert.Equal(64, lightning.Losses.Count);
        Assert.All(lightning.Rates!, r => Assert.Equal(0.1, r));
    }

    [Theory]
    [InlineData("step,train_loss_a,train_loss_b\n0,1,2\n", "line 1: --column must name one of several loss columns (candidates: train_loss_a, train_loss_b)")]
    [InlineData("\"Step\",\"a - x_loss\",\"a - y_loss\"\n\"0\",\"1\",\"2\"\n", "line 1: --column must name one of run 'a''s loss series (candidates: x_loss, y_loss)")]
    [InlineData("{\"log_history\": [{\"eval_loss\": 1.0, \"step\": 5}]}", "line 1: --column must name the loss: no log_history entry has \"loss\" (candidates: eval_loss)")]
    public void Ambiguity_is_one_line_listing_the_candidates(string text, string message)
    {
        var e = Assert.Throws<InputException>(() => LossLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text))));
        Assert.Equal("column", e.Parameter);
        Assert.Equal(1, e.Position);
        Assert.Equal(message, e.Worded(p => "--" + p));
        Assert.Equal(message.Replace("--column", "column", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Crc32c_matches_the_standard_check_value()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
    }
}
