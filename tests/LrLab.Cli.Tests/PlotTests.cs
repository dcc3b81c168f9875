using System.Xml.Linq;

namespace LrLab.Cli.Tests;

/// <summary>`--plot FILE.svg` on simulate, sweep and schedule: a parseable SVG with the expected series and axes.</summary>
public sealed class PlotTests : IDisposable
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lrlab-plot-");

    public void Dispose() => _dir.Delete(recursive: true);

    private XElement Plot(string file, params string[] args)
    {
        var path = Path.Combine(_dir.FullName, file);
        var (code, output, error) = CliRunner.Run([.. args, "--format", "csv", "--plot", path]);
        Assert.True(code == 0, error);
        Assert.NotEmpty(output); // the normal output still goes to stdout
        return XDocument.Load(path).Root!;
    }

    private static string[] Names(XElement root) =>
        [.. root.Descendants(_svg + "g").Where(g => (string?)g.Attribute("class") == "series").Select(g => (string)g.Attribute("data-name")!)];

    private static string Scale(XElement root, string axis) =>
        (string)root.Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == $"axis {axis}").Attribute("data-scale")!;

    [Fact]
    public void Simulate_plots_the_loss_on_a_log_axis()
    {
        var root = Plot("run.svg", "simulate", "--surface", "bowl", "--lr", "0.05", "--steps", "30");
        Assert.Equal(["sgd, lr 0.05"], Names(root));
        Assert.Equal("linear", Scale(root, "x"));
        Assert.Equal("log", Scale(root, "y"));
        Assert.Contains("bowl", root.Element(_svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_plots_one_series_per_optimizer_on_log_log_axes_with_theory_lines()
    {
        var root = Plot("sweep.svg", "sweep", "--optimizers", "sgd,adam", "--lr-min", "0.01", "--lr-max", "1", "--count", "9", "--steps", "50");
        Assert.Equal(["sgd", "adam"], Names(root));
        Assert.Equal("log", Scale(root, "x"));
        Assert.Equal("log", Scale(root, "y"));
        Assert.Contains(root.Descendants(_svg + "text"), t => t.Value == "2/λmax");
        Assert.Contains(root.Descendants(_svg + "rect"), r => (string?)r.Attribute("data-label") == "too large (sgd)");
    }

    [Fact]
    public void Sweep_plots_steps_to_converge_on_request()
    {
        var path = Path.Combine(_dir.FullName, "steps.svg");
        var (code, _, error) = CliRunner.Run("sweep", "--lr-min", "0.01", "--lr-max", "1", "--count", "5", "--plot-steps", path);
        Assert.True(code == 0, error);
        Assert.Contains("steps to converge (log)", XDocument.Load(path).Root!.Descendants(_svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Schedule_plots_the_rate_per_step_with_an_optional_log_axis()
    {
        var linear = Plot("lin.svg", "schedule", "StepLR(step_size=30, gamma=0.1)", "--lr", "0.01", "--steps", "90");
        var log = Plot("log.svg", "schedule", "StepLR(step_size=30, gamma=0.1)", "--lr", "0.01", "--steps", "90", "--log-rate");
        Assert.Equal(["learning rate"], Names(linear));
        Assert.Equal("linear", Scale(linear, "y"));
        Assert.Equal("log", Scale(log, "y"));
        var path = (string)linear.Descendants(_svg + "path").Single().Attribute("data-points")!;
        Assert.Equal("90", path);
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("sweep")]
    [InlineData("schedule")]
    public void A_plot_into_a_missing_directory_fails_before_any_work(string command)
    {
        string[] args = command == "schedule" ? [command, "StepLR(step_size=3)", "--plot", "/no/such/dir/x.svg"] : [command, "--plot", "/no/such/dir/x.svg"];
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: --plot", error, StringComparison.Ordinal);
    }
}
