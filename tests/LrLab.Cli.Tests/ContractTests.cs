using System.Text.Json;

namespace LrLab.Cli.Tests;

public sealed class ContractTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void Help_states_the_defaults_Core_uses()
    {
        // Written from Core's tables (checked against PyTorch there), so these follow any change in Core.
        var (code, help, _) = CliRunner.Run("simulate", "--help");
        Assert.Equal(0, code);
        var flat = string.Join(" ", help.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Adam, AdamW, RMSprop, NAdam, RAdam default 1e-08; Adagrad default 1e-10", flat, StringComparison.Ordinal);
        Assert.Contains("betas[1] (Adam, AdamW, NAdam, RAdam default 0.999)", flat, StringComparison.Ordinal);
        Assert.Contains("AdamW default 0.01", flat, StringComparison.Ordinal);
        Assert.Contains("(RMSprop default 0.99)", flat, StringComparison.Ordinal);
        Assert.Contains("the momentum and nesterov presets 0.9", flat, StringComparison.Ordinal);
        Assert.Contains("(default 0.5)", flat, StringComparison.Ordinal);
        var (_, find, _) = CliRunner.Run("find", "--help");
        Assert.Contains("first rate (default 1e-7)", find, StringComparison.Ordinal);
    }

    [Fact]
    public void Surfaces_lists_every_builtin_with_its_stability_limit()
    {
        var rows = Json("surfaces", "--format", "json").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(["bowl", "himmelblau", "noisy-bowl", "parabola", "plateau", "ravine", "rosenbrock", "rotated-ravine", "saddle"], rows.Keys.Order());
        var bowl = rows["bowl"];
        Assert.Equal(4.0, bowl.GetProperty("lambdaMax").GetDouble());
        Assert.Equal(0.5, bowl.GetProperty("stabilityLimit").GetDouble());
        Assert.Equal("x^2 + 2*y^2", bowl.GetProperty("formula").GetString());
        Assert.Equal([0.0, 0.0], bowl.GetProperty("minimum").EnumerateArray().Select(e => e.GetDouble()));
        Assert.True(rows["ravine"].GetProperty("stabilityLimit").GetDouble() <= 0.05);
        Assert.Equal(rows["ravine"].GetProperty("stabilityLimit").GetDouble(), rows["rotated-ravine"].GetProperty("stabilityLimit").GetDouble());
        Assert.Equal("0.25*(x + y)^2 + 12.5*(x - y)^2", rows["rotated-ravine"].GetProperty("formula").GetString());
        Assert.Equal(4.0, rows["parabola"].GetProperty("defaultStart")[0].GetDouble());
    }

    [Fact]
    public void Simulate_json_follows_the_contract()
    {
        var run = Json("simulate", "--surface", "bowl", "--optimizer", "sgd", "--lr", "0.05", "--steps", "60", "--format", "json");
        Assert.Equal("bowl", run.GetProperty("surface").GetString());
        Assert.Equal("sgd", run.GetProperty("optimizer").GetString());
        Assert.Equal(0.05, run.GetProperty("lr").GetDouble());
        var steps = run.GetProperty("steps");
        Assert.Equal(61, steps.GetArrayLength());
        Assert.Equal(0, steps[0].GetProperty("step").GetInt32());
        Assert.Equal([-4.0, 3.0], steps[0].GetProperty("params").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(34.0, steps[0].GetProperty("loss").GetDouble());
        Assert.Equal(0.05, steps[0].GetProperty("lr").GetDouble());
        Assert.Equal(-3.6, steps[1].GetProperty("params")[0].GetDouble(), 12);
        Assert.Equal("just-right", run.GetProperty("verdict").GetString());
        Assert.Equal("smooth", run.GetProperty("pattern").GetString());
        Assert.InRange(run.GetProperty("stepsToConverge").GetInt32(), 10, 99);
        Assert.True(run.GetProperty("finalLoss").GetDouble() < 1e-3);
    }

    [Theory]
    [InlineData("nesterov", "(2+2β)/((1+2β)λmax) = 0.339")]
    [InlineData("momentum", "(2+2β)/λmax = 0.95")]
    [InlineData("adam", "no fixed stability limit")]
    public void Simulate_table_states_cores_limit_for_the_optimizer(string optimizer, string expected)
    {
        var (code, output, _) = CliRunner.Run("simulate", "--surface", "bowl", "--optimizer", optimizer, "--lr", "0.1", "--steps", "5");
        Assert.Equal(0, code);
        Assert.Contains(expected, output.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_reports_null_steps_to_converge_when_never_reached()
    {
        var run = Json("simulate", "--surface", "bowl", "--lr", "0.6", "--format", "json");
        Assert.Equal(JsonValueKind.Null, run.GetProperty("stepsToConverge").ValueKind);
        Assert.Equal("too-large", run.GetProperty("verdict").GetString());
        Assert.Equal("diverging", run.GetProperty("pattern").GetString());
    }

    [Theory]
    [InlineData("--start", "-1,2")]
    [InlineData("--start=-1,2", null)]
    public void Negative_numbers_are_values_not_options(string flag, string? value)
    {
        string[] args = value is null
            ? ["simulate", flag, "--lr=0.1", "--steps", "1", "--format", "json"]
            : ["simulate", flag, value, "--lr=0.1", "--steps", "1", "--format", "json"];
        var run = Json(args);
        Assert.Equal([-1.0, 2.0], run.GetProperty("steps")[0].GetProperty("params").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(0.1, run.GetProperty("lr").GetDouble());
    }

    [Fact]
    public void Simulate_accepts_a_formula_surface_and_optimizer_hyperparameters()
    {
        var run = Json("simulate", "--surface", "x^2 + 3*y^2", "--optimizer", "adam", "--lr", "0.1", "--beta1", "0.8", "--steps", "5", "--start", "1,1", "--format", "json");
        Assert.Equal("adam", run.GetProperty("optimizer").GetString());
        // Adam's first step moves every coordinate by lr (m/√v = sign of the gradient).
        Assert.Equal(0.9, run.GetProperty("steps")[1].GetProperty("params")[0].GetDouble(), 6);
    }

    [Fact]
    public void Simulate_csv_has_one_row_per_point()
    {
        var (code, output, _) = CliRunner.Run("simulate", "--lr", "0.1", "--steps", "3", "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("step,x,y,loss,lr", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("0,-4,3,34,0.1", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_table_shows_the_verdict_in_words()
    {
        var (code, output, _) = CliRunner.Run("simulate", "--surface", "bowl", "--lr", "0.001");
        Assert.Equal(0, code);
        Assert.Contains("too small (crawling)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_prints_the_rate_of_each_update()
    {
        var data = Json("schedule", "StepLR(step_size=2, gamma=0.5)", "--lr", "0.1", "--steps", "5", "--format", "json");
        Assert.Equal([0.1, 0.1, 0.05, 0.05, 0.025], data.GetProperty("lr").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void Schedule_handles_sequential_warmup_then_cosine()
    {
        var data = Json("schedule", "SequentialLR(schedulers=[LinearLR(start_factor=0.01, total_iters=5), CosineAnnealingLR(T_max=95, eta_min=1e-4)], milestones=[5])", "--lr", "0.01", "--steps", "100", "--format", "json");
        var lr = data.GetProperty("lr").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(100, lr.Length);
        Assert.Equal(1e-4, lr[0], 15);
        Assert.Equal(0.01, lr[5], 12);
        Assert.True(lr[99] < 2e-4);
    }

    [Fact]
    public void Out_writes_the_file_atomically_and_nothing_to_stdout()
    {
        var dir = Directory.CreateTempSubdirectory("lrlab-out-");
        try
        {
            var path = Path.Combine(dir.FullName, "run.json");
            File.WriteAllText(path, "old");
            var (code, output, _) = CliRunner.Run("simulate", "--lr", "0.05", "--steps", "10", "--format", "json", "--out", path);
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, output);
            Assert.Equal(11, JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("steps").GetArrayLength());
            Assert.Equal(["run.json"], dir.GetFiles().Select(f => f.Name));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
