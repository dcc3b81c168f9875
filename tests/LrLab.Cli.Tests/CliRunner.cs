namespace LrLab.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what a terminal would show.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = LrLabCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs a command that must be refused: exit code 2, nothing on stdout, and one line on stderr starting with
    /// "error: " (no stack trace). Returns that line for the caller to check what it names.
    /// </summary>
    public static string RefusedLine(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.TrimEnd('\n', '\r').Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        return line;
    }
}
