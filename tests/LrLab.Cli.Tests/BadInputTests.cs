namespace LrLab.Cli.Tests;

/// <summary>Every kind of bad input: exit code 2, one line on stderr naming the culprit, nothing on stdout.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string[], string> Cases => new()
    {
        { ["simulate", "--lr", "abc"], "--lr" },
        { ["simulate", "--lr", "-0.1"], "--lr must be positive" },
        { ["simulate", "--lr", "0"], "--lr must be positive" },
        { ["simulate", "--lr", "nan"], "--lr" },
        { ["simulate", "--optimizer", "adamax"], "adamax" },
        { ["simulate", "--surface", "x^^2"], "column" },
        { ["simulate", "--surface", "x + z"], "'z'" },
        { ["simulate", "--surface", new string('(', 5000) + "x" + new string(')', 5000)], "formula" },
        { ["simulate", "--steps", "-5"], "--steps" },
        { ["simulate", "--steps", "1.5"], "--steps" },
        { ["simulate", "--start", "1"], "--start" },
        { ["simulate", "--start", "a,b"], "--start" },
        { ["simulate", "--momentum", "-1"], "--momentum" },
        { ["simulate", "--beta1", "1.5", "--optimizer", "adam"], "beta" },
        { ["simulate", "--nesterov"], "nesterov" },
        { ["simulate", "--batch-size", "0"], "--batch-size" },
        { ["simulate", "--schedule", "StepLR(step_size=0)"], "step_size" },
        { ["simulate", "--schedule", "Warmup(5)"], "Warmup" },
        { ["simulate", "--format", "xml"], "--format" },
        { ["simulate", "--bogus"], "--bogus" },
        { ["simulate", "--out", "/no/such/dir/run.json"], "--out" },
        { ["schedule", "StepLR(step_size=0)"], "step_size" },
        { ["schedule", "CosineAnnealingLR(tmax=10)"], "tmax" },
        { ["schedule", "StepLR(step_size=3"], "column" },
        { ["schedule", "ReduceLROnPlateau()"], "ReduceLROnPlateau" },
        { ["schedule", "StepLR(step_size=3)", "--steps", "0"], "--steps" },
        { ["schedule"], "argument missing" },
        { ["frobnicate"], "frobnicate" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_exits_2_with_one_line(string[] args, string mention)
    {
        Assert.Contains(mention, CliRunner.RefusedLine(args), StringComparison.OrdinalIgnoreCase);
    }
}
