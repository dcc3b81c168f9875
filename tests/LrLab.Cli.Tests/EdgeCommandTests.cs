using System.Text.Json;
using System.Xml.Linq;
using LrLab.Core.Training;

namespace LrLab.Cli.Tests;

/// <summary>`lrlab train` at the edge of stability: full-batch GD on a few digits, sharpness, update ratios, saved weights, the plot.</summary>
public sealed class EdgeCommandTests
{
    [Fact]
    public void Full_batch_run_reports_sharpness_and_update_ratios()
    {
        var (code, output, error) = CliRunner.Run(
            "train", "--hidden", "16", "--optimizer", "sgd", "--lr", "0.5", "--train-samples", "200", "--batch-size", "200",
            "--steps", "30", "--sharpness-every", "10", "--sharpness-iters", "30", "--format", "json");
        Assert.True(code == 0, error);
        var run = JsonDocument.Parse(output).RootElement;
        Assert.Equal(200, run.GetProperty("trainSamples").GetInt32());
        Assert.Equal(30, run.GetProperty("epochs").GetDouble(), 12);
        var sharpness = run.GetProperty("sharpness").EnumerateArray().Select(p => (Step: p.GetProperty("step").GetInt32(), Value: p.GetProperty("value").GetDouble())).ToArray();
        Assert.Equal([0, 10, 20, 30], sharpness.Select(p => p.Step));
        Assert.All(sharpness, p => Assert.InRange(p.Value, 0.05, 100));

        // Progressive sharpening: the curvature grows from PyTorch's initialisation.
        Assert.True(sharpness[^1].Value > sharpness[0].Value, string.Join(", ", sharpness));
        var ratios = run.GetProperty("updateRatios").EnumerateArray().Select(r => (Step: r.GetProperty("step").GetInt32(), Layer: r.GetProperty("layer").GetString(), Ratio: r.GetProperty("ratio").GetDouble())).ToArray();
        Assert.Equal(["fc1", "fc2", "fc1", "fc2", "fc1", "fc2"], ratios.Select(r => r.Layer));
        Assert.Equal([10, 10, 20, 20, 30, 30], ratios.Select(r => r.Step));
        Assert.All(ratios, r => Assert.InRange(r.Ratio, 1e-5, 1));
        Assert.True(run.GetProperty("hessianProducts").GetInt64() >= 4);
        Assert.True(run.GetProperty("sharpnessSeconds").GetDouble() > 0);
    }

    [Fact]
    public void Asking_for_the_sharpness_leaves_the_training_unchanged()
    {
        string[] args = ["train", "--hidden", "8", "--lr", "0.3", "--train-samples", "100", "--batch-size", "100", "--steps", "8", "--format", "json"];
        var plain = JsonDocument.Parse(CliRunner.Run(args).Out).RootElement;
        var watched = JsonDocument.Parse(CliRunner.Run([.. args, "--sharpness-every", "4"]).Out).RootElement;
        Assert.Equal(plain.GetProperty("losses").GetRawText(), watched.GetProperty("losses").GetRawText());
        Assert.Empty(plain.GetProperty("sharpness").EnumerateArray());
    }

    [Fact]
    public void Saved_weights_read_back_as_the_pytorch_state_dict_layout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lrlab-{Guid.NewGuid():N}.safetensors");
        try
        {
            var (code, _, error) = CliRunner.Run("train", "--hidden", "10", "--steps", "3", "--save-weights", path, "--format", "json");
            Assert.True(code == 0, error);
            using var file = File.OpenRead(path);
            var (parameters, hidden) = MlpSafetensors.Read(file, 784, 10);
            Assert.Equal(10, hidden);
            Assert.Equal((10 * 784) + 10 + (10 * 10) + 10, parameters.Length);
            Assert.Contains(parameters, p => p != 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plot_draws_loss_sharpness_and_the_dashed_stability_level()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lrlab-{Guid.NewGuid():N}.svg");
        try
        {
            var (code, _, error) = CliRunner.Run("train", "--hidden", "8", "--lr", "0.5", "--train-samples", "100", "--batch-size", "100", "--steps", "10", "--sharpness-every", "5", "--plot", path, "--format", "json");
            Assert.True(code == 0, error);
            var svg = XDocument.Load(path);
            XNamespace ns = "http://www.w3.org/2000/svg";
            var series = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "series").ToArray();
            Assert.Equal(["training loss", "sharpness λmax", "2/η = 4"], series.Select(g => (string?)g.Attribute("data-name")));
            Assert.Equal("6 4", (string?)series[2].Element(ns + "path")!.Attribute("stroke-dasharray"));
            Assert.Null(series[0].Element(ns + "path")!.Attribute("stroke-dasharray"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--sharpness-every", "0")]
    [InlineData("--sharpness-every", "x")]
    [InlineData("--train-samples", "0")]
    [InlineData("--train-samples", "8001")]
    [InlineData("--sharpness-iters", "101")]
    [InlineData("--save-weights", "/no/such/dir/w.safetensors")]
    public void Bad_edge_flags_are_one_line_naming_the_flag(string flag, string value)
    {
        string[] args = ["train", "--hidden", "4", "--steps", "2", "--sharpness-every", "1", flag, value];
        var line = CliRunner.RefusedLine(args);
        Assert.Contains(flag, line, StringComparison.Ordinal);
    }
}
