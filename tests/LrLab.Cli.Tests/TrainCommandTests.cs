using System.Text.Json;

namespace LrLab.Cli.Tests;

public sealed class TrainCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        Assert.Equal(string.Empty, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void Json_has_per_step_losses_accuracy_and_speed()
    {
        var run = Json("train", "--model", "mlp", "--data", "mnist", "--hidden", "32", "--optimizer", "sgd", "--lr=0.1", "--steps", "40", "--batch-size", "32", "--format", "json");
        var losses = run.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(40, losses.Length);
        Assert.Equal(40, run.GetProperty("steps").GetInt32());
        Assert.InRange(losses[0], 2.0, 2.6); // ln 10 ≈ 2.30 at PyTorch's initialisation
        Assert.True(losses[^5..].Average() < losses[..5].Average());
        Assert.InRange(run.GetProperty("testAccuracy").GetDouble(), 0.5, 1.0);
        Assert.True(run.GetProperty("samplesPerSecond").GetDouble() > 0);
        Assert.Equal("mlp 784-32-10", run.GetProperty("model").GetString());
        Assert.Equal(0.1, run.GetProperty("lr").GetDouble());
        Assert.Equal(32, run.GetProperty("batchSize").GetInt32());
        Assert.Equal(0.16, run.GetProperty("epochs").GetDouble(), 12);
    }

    [Fact]
    public void Same_seed_gives_the_same_losses_any_thread_count()
    {
        string[] args = ["train", "--hidden", "16", "--optimizer", "adam", "--lr", "0.003", "--steps", "12", "--seed", "5", "--format", "json"];
        var one = Json(args).GetProperty("losses").GetRawText();
        var two = Json([.. args, "--threads", "2"]).GetProperty("losses").GetRawText();
        var other = Json([.. args[..^4], "--seed", "6", "--format", "json"]).GetProperty("losses").GetRawText();
        Assert.Equal(one, two);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Schedule_sets_the_rate_per_step()
    {
        var run = Json("train", "--hidden", "8", "--lr", "0.1", "--steps", "6", "--schedule", "StepLR(step_size=2, gamma=0.5)", "--format", "json");
        Assert.Equal([0.1, 0.1, 0.05, 0.05, 0.025, 0.025], run.GetProperty("lrs").EnumerateArray().Select(e => Math.Round(e.GetDouble(), 12)));
        Assert.Equal("StepLR(step_size=2, gamma=0.5)", run.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Csv_has_one_row_per_step()
    {
        var (code, output, _) = CliRunner.Run("train", "--hidden", "8", "--steps", "5", "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("step,loss,lr", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("5,", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Table_summarises_the_run()
    {
        var (code, output, _) = CliRunner.Run("train", "--hidden", "8", "--steps", "5");
        Assert.Equal(0, code);
        Assert.Contains("test accuracy", output, StringComparison.Ordinal);
        Assert.Contains("samples/s", output, StringComparison.Ordinal);
        Assert.Contains("mlp 784-8-10", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_file_and_nothing_to_stdout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lrlab-train-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, _) = CliRunner.Run("train", "--hidden", "8", "--steps", "3", "--format", "json", "--out", path);
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, output);
            Assert.Equal(3, JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("losses").GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plot_writes_an_svg_of_the_loss_curve()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lrlab-train-{Guid.NewGuid():N}.svg");
        try
        {
            var (code, _, error) = CliRunner.Run("train", "--hidden", "8", "--lr", "0.1", "--steps", "30", "--format", "json", "--plot", path);
            Assert.True(code == 0, error);
            var svg = System.Xml.Linq.XDocument.Load(path);
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            var text = svg.ToString();
            Assert.Contains("20-step mean", text, StringComparison.Ordinal);
            Assert.Contains("mini-batch loss", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["train", "--model", "cnn"], "--model" },
        { ["train", "--data", "cifar"], "--data" },
        { ["train", "--hidden", "0"], "--hidden" },
        { ["train", "--hidden", "big"], "--hidden" },
        { ["train", "--epochs", "2", "--steps", "5"], "--epochs and --steps" },
        { ["train", "--steps", "0"], "--steps" },
        { ["train", "--epochs", "-1"], "--epochs" },
        { ["train", "--batch-size", "0"], "--batch-size" },
        { ["train", "--threads", "0"], "--threads" },
        { ["train", "--seed", "x"], "--seed" },
        { ["train", "--lr", "-1"], "--lr" },
        { ["train", "--optimizer", "lion"], "lion" },
        { ["train", "--schedule", "StepLR(gamma=2"], "column" },
        { ["train", "--data-file", "/no/such/mnist.bin"], "--data-file" },
        { ["train", "--data-file", "/etc/hostname"], "digit file is damaged or cut short" },
        { ["train", "--data-file", "/etc/os-release"], "/etc/os-release: the digit file is damaged" },
        { ["train", "--format", "xml"], "--format" },
        { ["train", "--plot", "/no/such/dir/loss.svg"], "--plot" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_exits_2_with_one_line(string[] args, string mention)
    {
        Assert.Contains(mention, CliRunner.RefusedLine(args), StringComparison.OrdinalIgnoreCase);
    }
}
