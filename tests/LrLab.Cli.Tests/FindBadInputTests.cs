namespace LrLab.Cli.Tests;

/// <summary>`lrlab find` rejects bad input with exit code 2 and one line naming the flag.</summary>
public sealed class FindBadInputTests
{
    public static TheoryData<string[], string> Cases => new()
    {
        { ["find"], "--surface" },
        { ["find", "--surface", "bowl", "--model", "mlp"], "--surface cannot be combined" },
        { ["find", "--surface", "bowl", "--data", "mnist"], "--surface cannot be combined" },
        { ["find", "--model", "cnn"], "--model" },
        { ["find", "--model", "mlp", "--data", "cifar"], "--data" },
        { ["find", "--surface", "bowl", "--hidden", "32"], "--hidden" },
        { ["find", "--model", "mlp", "--start", "1,2"], "--start" },
        { ["find", "--surface", "bowl", "--start-lr", "0"], "--start-lr" },
        { ["find", "--surface", "bowl", "--start-lr", "-1e-3"], "--start-lr" },
        { ["find", "--surface", "bowl", "--start-lr", "abc"], "--start-lr" },
        { ["find", "--surface", "bowl", "--start-lr", "1", "--end-lr", "0.1"], "--end-lr" },
        { ["find", "--surface", "bowl", "--end-lr", "inf"], "--end-lr" },
        { ["find", "--surface", "bowl", "--num-iter", "1"], "--num-iter" },
        { ["find", "--surface", "bowl", "--num-iter", "2.5"], "--num-iter" },
        { ["find", "--surface", "bowl", "--mode", "cubic"], "--mode" },
        { ["find", "--surface", "bowl", "--beta", "1"], "--beta" },
        { ["find", "--surface", "bowl", "--batch-size", "0"], "--batch-size" },
        { ["find", "--surface", "bowl", "--start", "1"], "--start" },
        { ["find", "--surface", "x +* y"], "column" },
        { ["find", "--surface", "bowl", "--optimizer", "adamax"], "adamax" },
        { ["find", "--surface", "bowl", "--format", "xml"], "--format" },
        { ["find", "--surface", "bowl", "--seed", "x"], "--seed" },
        { ["find", "--surface", "bowl", "--grid-steps", "5"], "--grid" },
        { ["find", "--surface", "bowl", "--grid", "--grid-steps", "0"], "--grid-steps" },
        { ["find", "--model", "mlp", "--hidden", "0"], "--hidden" },
        { ["find", "--model", "mlp", "--data-file", "/no/such/mnist.bin"], "--data-file" },
        { ["find", "--surface", "bowl", "--data-file", "x.bin"], "--data-file" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_exits_2_with_one_line(string[] args, string mention)
    {
        Assert.Contains(mention, CliRunner.RefusedLine(args), StringComparison.OrdinalIgnoreCase);
    }
}
