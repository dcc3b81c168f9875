namespace LrLab.Core;

/// <summary>
/// Bad user input (a formula, a schedule spec, a hyperparameter, a log file). The message is one line
/// meant for the user; <see cref="Position"/> is the 1-based column (or line) it points at, when known.
/// The CLI turns it into exit code 2 and the web pages show it beside the control.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InputException(string message, int? position = null)
        : base(message) => Position = position;

    /// <summary>Creates the exception (for serializers; prefer the message + position form).</summary>
    public InputException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>1-based column (formulas, specs) or line (log files) of the problem, if known.</summary>
    public int? Position { get; }
}
