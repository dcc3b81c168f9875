using System.Diagnostics;
using System.Text.Json;

namespace LrLab.Cli.Tests;

/// <summary>
/// The CLI as users install it: `dotnet pack src/LrLab.Cli` makes the tool package `lrlab`, which installs into a
/// tool path and runs from a folder far from any clone, finding the digits it carries.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _temp = Directory.CreateTempSubdirectory("lrlab-tool-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void The_packed_tool_installs_and_runs_surfaces_and_a_short_training_from_any_folder()
    {
        var packages = Path.Combine(_temp, "packages");
        var tools = Path.Combine(_temp, "tools");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_temp, "elsewhere")).FullName;

        // The test project builds the CLI in the same configuration, so the package is made from that build.
        Run(RepositoryRoot(), "dotnet", "pack", "src/LrLab.Cli", "-c", Configuration, "--no-build", "-o", packages, "--nologo");
        Assert.True(File.Exists(Path.Combine(packages, "lrlab.1.0.0.nupkg")), "dotnet pack did not make lrlab.1.0.0.nupkg");
        Run(elsewhere, "dotnet", "tool", "install", "lrlab", "--tool-path", tools, "--add-source", packages, "--version", "1.0.0");

        var lrlab = Path.Combine(tools, "lrlab");
        var surfaces = Run(elsewhere, lrlab, "surfaces", "--format", "csv");
        Assert.Contains("bowl,x^2 + 2*y^2", surfaces, StringComparison.Ordinal);

        var train = Run(elsewhere, lrlab, "train", "--model", "mlp", "--data", "mnist", "--optimizer", "sgd", "--lr", "0.1", "--steps", "30", "--format", "json");
        using var json = JsonDocument.Parse(train);
        var losses = json.RootElement.GetProperty("losses").EnumerateArray().Select(l => l.GetDouble()).ToArray();
        Assert.Equal(30, losses.Length);
        Assert.InRange(losses[0], 2.0, 2.6); // about ln 10 at the start: the shipped digits, read by the installed tool
        Assert.True(losses[^5..].Average() < losses[..5].Average(), "the loss did not fall");
        Assert.InRange(json.RootElement.GetProperty("testAccuracy").GetDouble(), 0.3, 1.0);
    }

    private static string Run(string directory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(4)), $"{file} {string.Join(' ', args)} did not finish");
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}{output.Result}");
        return output.Result;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LrLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LrLab.sln not found above " + AppContext.BaseDirectory);
    }
}
