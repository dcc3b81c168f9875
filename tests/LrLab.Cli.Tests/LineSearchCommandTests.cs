using System.Text.Json;

namespace LrLab.Cli.Tests;

public sealed class LineSearchCommandTests
{
    [Fact]
    public void Simulate_linesearch_converges_on_the_ravine_and_lists_the_probes()
    {
        var (code, output, error) = CliRunner.Run("simulate", "--surface", "ravine", "--optimizer", "linesearch", "--lr", "0.05", "--format", "json");
        Assert.True(code == 0, error);
        var run = JsonDocument.Parse(output).RootElement;
        Assert.Equal("linesearch", run.GetProperty("optimizer").GetString());
        Assert.NotEqual("too-large", run.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Number, run.GetProperty("stepsToConverge").ValueKind);
        var searches = run.GetProperty("lineSearch");
        Assert.Equal(200, searches.GetArrayLength());
        var first = searches[0];
        Assert.Equal(0.025, first.GetProperty("alpha").GetDouble());
        Assert.Equal([0.05, 0.025], first.GetProperty("probes").EnumerateArray().Select(p => p.GetProperty("alpha").GetDouble()));
        Assert.False(first.GetProperty("probes")[0].GetProperty("accepted").GetBoolean());
        Assert.Equal(63.47, first.GetProperty("probes")[0].GetProperty("loss").GetDouble(), 10);
    }

    [Fact]
    public void Line_search_flags_change_the_probes()
    {
        var (code, output, _) = CliRunner.Run("simulate", "--surface", "ravine", "--optimizer", "linesearch", "--lr", "0.05", "--shrink", "0.1", "--steps", "1", "--format", "json");
        Assert.Equal(0, code);
        var probes = JsonDocument.Parse(output).RootElement.GetProperty("lineSearch")[0].GetProperty("probes");
        Assert.Equal(0.005, probes[1].GetProperty("alpha").GetDouble(), 15);
    }

    [Fact]
    public void Fixed_rate_runs_have_no_line_search_field()
    {
        var (_, output, _) = CliRunner.Run("simulate", "--lr", "0.05", "--steps", "2", "--format", "json");
        Assert.False(JsonDocument.Parse(output).RootElement.TryGetProperty("lineSearch", out _));
    }

    [Fact]
    public void Table_summarises_the_probes()
    {
        var (code, output, _) = CliRunner.Run("simulate", "--surface", "bowl", "--optimizer", "linesearch", "--lr", "10", "--steps", "20");
        Assert.Equal(0, code);
        Assert.Contains("probes over 20 updates", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shrink", "1.5", "--shrink")]
    [InlineData("--shrink", "x", "--shrink")]
    [InlineData("--armijo-c", "0", "--armijo-c")]
    [InlineData("--max-probes", "0", "--max-probes")]
    [InlineData("--lr", "-1", "--lr")]
    [InlineData("--schedule", "ReduceLROnPlateau()", "ReduceLROnPlateau")]
    public void Bad_line_search_input_exits_2(string flag, string value, string mention)
    {
        var (code, output, error) = CliRunner.Run("simulate", "--optimizer", "linesearch", flag, value);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains(mention, error, StringComparison.Ordinal);
    }
}
