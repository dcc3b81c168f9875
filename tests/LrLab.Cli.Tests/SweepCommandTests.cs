using System.Text.Json;

namespace LrLab.Cli.Tests;

public sealed class SweepCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void Sweep_json_has_one_row_per_log_spaced_rate()
    {
        var data = Json("sweep", "--surface", "bowl", "--optimizer", "sgd", "--lr-min", "0.001", "--lr-max", "1", "--count", "4", "--steps", "100", "--format", "json");
        var rows = data.GetProperty("rows");
        Assert.Equal(4, rows.GetArrayLength());
        Assert.Equal([0.001, 0.01, 0.1, 1.0], rows.EnumerateArray().Select(r => r.GetProperty("lr").GetDouble()));
        Assert.Equal(["too-small", "too-small", "just-right", "too-large"], rows.EnumerateArray().Select(r => r.GetProperty("verdict").GetString()));
        Assert.Equal("diverging", rows[3].GetProperty("pattern").GetString());
        Assert.Equal(JsonValueKind.Null, rows[3].GetProperty("stepsToConverge").ValueKind);
        Assert.InRange(rows[2].GetProperty("stepsToConverge").GetInt32(), 10, 99);
        Assert.Equal(1.0, data.GetProperty("divergenceLimit").GetDouble());
        Assert.Equal(0.5, data.GetProperty("theory").GetProperty("stabilityLimit").GetDouble());
        Assert.Equal("sgd", data.GetProperty("optimizer").GetString());
    }

    [Theory]
    [InlineData("bowl", "sgd", null, 0.5, 0.55)]
    [InlineData("bowl", "momentum", "0.9", 0.95, 1.0)]
    [InlineData("ravine", "sgd", null, 0.02, 0.05)]
    public void Divergence_limit_agrees_with_theory(string surface, string optimizer, string? momentum, double low, double high)
    {
        string[] args = ["sweep", "--surface", surface, "--optimizer", optimizer, "--lr-min", "0.01", "--lr-max", "2", "--count", "120", "--format", "json"];
        if (momentum is not null)
        {
            args = [.. args, "--momentum", momentum];
        }

        Assert.InRange(Json(args).GetProperty("divergenceLimit").GetDouble(), low, high);
    }

    [Fact]
    public void Compare_optimizers_sweeps_the_five_side_by_side()
    {
        var data = Json("sweep", "--compare-optimizers", "--lr-min", "1e-3", "--lr-max", "3", "--count", "9", "--steps", "50", "--format", "json");
        var sweeps = data.GetProperty("sweeps");
        Assert.Equal(["sgd", "momentum", "adam", "rmsprop", "adagrad"], sweeps.EnumerateArray().Select(s => s.GetProperty("optimizer").GetString()));
        Assert.All(sweeps.EnumerateArray(), s => Assert.Equal(9, s.GetProperty("rows").GetArrayLength()));
        Assert.Equal(JsonValueKind.Null, sweeps[2].GetProperty("divergenceLimit").ValueKind);
    }

    [Fact]
    public void Csv_lists_rows_with_the_json_vocabulary_and_an_optimizer_column_when_comparing()
    {
        var (code, output, _) = CliRunner.Run("sweep", "--optimizers", "sgd,adam", "--lr-min", "0.1", "--lr-max", "1", "--count", "2", "--steps", "20", "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("optimizer,lr,finalLoss,stepsToConverge,verdict,pattern", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("sgd,0.1,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",too-large,diverging", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("adam,1,", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Table_names_the_limit_and_the_theory()
    {
        var (code, output, _) = CliRunner.Run("sweep", "--lr-min", "0.01", "--lr-max", "1", "--count", "5");
        Assert.Equal(0, code);
        Assert.Contains("2/λmax 0.5", output, StringComparison.Ordinal);
        Assert.Contains("too large (diverging)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hyperparameter_flags_reach_the_swept_optimizer()
    {
        var plain = Json("sweep", "--optimizer", "momentum", "--lr-min", "0.4", "--lr-max", "0.8", "--count", "5", "--format", "json");
        var light = Json("sweep", "--optimizer", "momentum", "--momentum", "0.1", "--lr-min", "0.4", "--lr-max", "0.8", "--count", "5", "--format", "json");
        Assert.Equal(0.9, plain.GetProperty("theory").GetProperty("momentum").GetDouble());
        Assert.Equal(0.1, light.GetProperty("theory").GetProperty("momentum").GetDouble());
        Assert.Equal(2.2 / 4, light.GetProperty("theory").GetProperty("momentumLimit").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("divergenceLimit").ValueKind);
        Assert.True(light.GetProperty("divergenceLimit").GetDouble() <= 0.8);
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["sweep", "--lr-min", "0"], "--lr-min" },
        { ["sweep", "--lr-min", "abc"], "--lr-min" },
        { ["sweep", "--lr-min", "1", "--lr-max", "0.1"], "--lr-max" },
        { ["sweep", "--count", "0"], "--count" },
        { ["sweep", "--count", "100000"], "--count" },
        { ["sweep", "--steps", "-1"], "--steps" },
        { ["sweep", "--lr", "0.1"], "--lr-min" },
        { ["sweep", "--optimizers", "sgd,adamax"], "adamax" },
        { ["sweep", "--optimizers", "sgd,sgd"], "twice" },
        { ["sweep", "--optimizers", ","], "--optimizers" },
        { ["sweep", "--optimizers", "sgd", "--compare-optimizers"], "--compare-optimizers" },
        { ["sweep", "--optimizers", "sgd,adam", "--optimizer", "adam"], "--optimizer" },
        { ["sweep", "--schedule", "ReduceLROnPlateau()"], "ReduceLROnPlateau" },
        { ["sweep", "--schedule", "StepLR(step_size=0)"], "step_size" },
        { ["sweep", "--threads", "0"], "--threads" },
        { ["sweep", "--start", "1,2,3"], "--start" },
        { ["sweep", "--surface", "x^"], "column" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_exits_2_with_one_line(string[] args, string mention)
    {
        Assert.Contains(mention, CliRunner.RefusedLine(args), StringComparison.OrdinalIgnoreCase);
    }
}
