namespace LrLab.Core;

/// <summary>
/// Bad user input (a formula, a schedule spec, a hyperparameter, a log file). The message is one line
/// meant for the user; <see cref="Position"/> is the 1-based column (or line) it points at, when known.
/// When the input is a named parameter, <see cref="Parameter"/> names it the way Core does (<c>steps</c>,
/// <c>batch_size</c>, <c>start_lr</c>) and <see cref="Problem"/> says what is wrong with it, so each face can word
/// the name its own way (<see cref="Worded"/>: the CLI says <c>--steps</c>, the lab its "Steps" field).
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

    private InputException(string parameter, string problem)
        : base($"{parameter} {problem}") => (Parameter, Problem) = (parameter, problem);

    /// <summary>1-based column (formulas, specs) or line (log files) of the problem, if known.</summary>
    public int? Position { get; }

    /// <summary>The parameter at fault under Core's name (snake_case, PyTorch's where PyTorch has one), if any.</summary>
    public string? Parameter { get; }

    /// <summary>What is wrong with <see cref="Parameter"/>, without its name (e.g. <c>must be between 0 and 100000, got -1</c>).</summary>
    public string? Problem { get; }

    /// <summary>Bad value of the parameter <paramref name="parameter"/>: the message is "<paramref name="parameter"/> <paramref name="problem"/>".</summary>
    public static InputException For(string parameter, string problem) => new(parameter, problem);

    /// <summary>The message with the parameter named by <paramref name="name"/> (a CLI flag, a form field's label).</summary>
    public string Worded(Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Parameter is { } p && Problem is { } problem ? $"{name(p)} {problem}" : Message;
    }
}
