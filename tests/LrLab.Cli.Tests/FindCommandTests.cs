using System.Globalization;
using System.Text.Json;

namespace LrLab.Cli.Tests;

public sealed class FindCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    private static double[] Doubles(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetDouble())];

    [Fact]
    public void Json_has_the_contract_fields()
    {
        var r = Json("find", "--surface", "bowl", "--optimizer", "sgd", "--format", "json");

        var lrs = Doubles(r.GetProperty("lrs"));
        var losses = Doubles(r.GetProperty("losses"));
        var smoothed = Doubles(r.GetProperty("smoothedLosses"));
        Assert.InRange(lrs.Length, 50, 100);
        Assert.Equal(lrs.Length, losses.Length);
        Assert.Equal(lrs.Length, smoothed.Length);
        Assert.Equal(1e-7, lrs[0]);
        Assert.Equal(34.0, losses[0]);
        Assert.Equal("steepest-descent", r.GetProperty("method").GetString());
        Assert.InRange(r.GetProperty("suggestedLr").GetDouble(), 0.01, 0.5);
        Assert.Equal("diverged", r.GetProperty("stopReason").GetString());
        Assert.True(r.GetProperty("restored").GetBoolean());
        Assert.Equal("exp", r.GetProperty("mode").GetString());
        Assert.Equal(0.0, r.GetProperty("beta").GetDouble()); // no gradient noise, no smoothing
        Assert.Equal(losses, smoothed);
        Assert.Equal(r.GetProperty("climbLr").GetDouble() / 10, r.GetProperty("belowClimbLr").GetDouble(), 15);
        var kinds = r.GetProperty("regions").EnumerateArray().Select(g => g.GetProperty("kind").GetString()!).ToArray();
        Assert.Equal(["flat", "descending", "best", "climbing"], kinds);
    }

    [Fact]
    public void Noisy_surfaces_are_smoothed_and_the_seed_is_honoured()
    {
        string Run(string seed) => CliRunner.Run("find", "--surface", "noisy-bowl", "--seed", seed, "--batch-size", "8", "--format", "json").Out;

        var a = JsonDocument.Parse(Run("1")).RootElement;
        Assert.Equal(0.98, a.GetProperty("beta").GetDouble());
        Assert.Equal(Run("1"), Run("1"));
        Assert.NotEqual(Run("1"), Run("2"));
    }

    [Fact]
    public void Ramp_flags_shape_the_rates()
    {
        var r = Json("find", "--surface", "ravine", "--optimizer", "momentum", "--start-lr", "1e-4", "--end-lr", "0.1", "--num-iter", "20", "--mode", "linear", "--beta", "0.5", "--format", "json");
        var lrs = Doubles(r.GetProperty("lrs"));
        Assert.Equal(1e-4, lrs[0]);
        Assert.Equal(1e-4 + (0.1 - 1e-4) / 19, lrs[1], 15);
        Assert.Equal("linear", r.GetProperty("mode").GetString());
        Assert.Equal(20, r.GetProperty("numIter").GetInt32());
        Assert.Equal("momentum", r.GetProperty("optimizer").GetString());
        Assert.Equal(0.5, r.GetProperty("beta").GetDouble());
    }

    [Fact]
    public void Csv_has_one_row_per_mini_batch_with_its_region()
    {
        var (code, output, _) = CliRunner.Run("find", "--surface", "bowl", "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("step,lr,loss,smoothedLoss,region", lines[0]);
        Assert.StartsWith("0,1E-07,34,34,flat", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",climbing", lines[^1], StringComparison.Ordinal);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(Enumerable.Range(0, rows.Length).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
    }

    [Fact]
    public void Table_shows_the_suggestion_the_plot_and_the_climb()
    {
        var (code, output, _) = CliRunner.Run("find", "--surface", "bowl");
        Assert.Equal(0, code);
        Assert.Contains("suggested lr", output, StringComparison.Ordinal);
        Assert.Contains("steepest-descent", output, StringComparison.Ordinal);
        Assert.Contains("10× below", output, StringComparison.Ordinal);
        Assert.Matches("[▁▂▃▄▅▆▇█]{40,}", output);
        Assert.Contains("^", output, StringComparison.Ordinal);
        Assert.Contains("!", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_formula_surface_and_a_start_point_work()
    {
        var r = Json("find", "--surface", "x^2 + 10*y^2", "--start=-2,1", "--optimizer", "adam", "--format", "json");
        Assert.Equal(14.0, Doubles(r.GetProperty("losses"))[0]);
        Assert.Equal("adam", r.GetProperty("optimizer").GetString());
    }

    [Fact]
    public void The_mnist_network_is_tested_and_described()
    {
        var r = Json("find", "--model", "mlp", "--data", "mnist", "--hidden", "16", "--num-iter", "30", "--start-lr", "1e-3", "--format", "json");
        Assert.Equal("mlp 784-16-10 on mnist, batch 64", r.GetProperty("target").GetString());
        Assert.Equal(30, r.GetProperty("lrs").GetArrayLength());
        Assert.InRange(Doubles(r.GetProperty("losses"))[0], 2.0, 2.6); // ln 10 ≈ 2.30 for an untrained 10-way classifier
        Assert.True(r.GetProperty("restored").GetBoolean());

        var (code, table, _) = CliRunner.Run("find", "--model", "mlp", "--hidden", "16", "--num-iter", "30", "--start-lr", "1e-3", "--optimizer", "momentum");
        Assert.Equal(0, code);
        Assert.Matches(@"Next: lrlab train --model mlp --data mnist --optimizer momentum --lr [0-9.e-]+ --hidden 16\n", table);
    }

    [Fact]
    public void Grid_compares_the_coarse_search_with_the_suggestion()
    {
        var r = Json("find", "--surface", "bowl", "--grid", "--grid-steps", "20", "--format", "json");
        var grid = r.GetProperty("grid");
        Assert.Equal([0.01, 0.1, 1.0], grid.GetProperty("runs").EnumerateArray().Select(g => g.GetProperty("lr").GetDouble()).ToArray());
        Assert.Equal(0.1, grid.GetProperty("bestLr").GetDouble());
        Assert.Equal(20, grid.GetProperty("runs")[0].GetProperty("steps").GetInt32());
        Assert.Equal(grid.GetProperty("nearestGridLr").GetDouble() == 0.1, grid.GetProperty("suggestionNearBest").GetBoolean());

        var (code, table, _) = CliRunner.Run("find", "--surface", "bowl", "--grid", "--grid-steps", "20");
        Assert.Equal(0, code);
        Assert.Contains("Coarse grid, 20 mini-batches each", table, StringComparison.Ordinal);
        Assert.Contains("│ 0.1  │", table, StringComparison.Ordinal);
        Assert.Contains("best", table, StringComparison.Ordinal);
    }
}
