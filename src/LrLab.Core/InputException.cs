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
    /// <summary>What comes before the parameter's name in the message ("line 3: ", a file name), when it names one.</summary>
    private readonly string _prefix = string.Empty;

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

    private InputException(string prefix, string parameter, string problem, int? position)
        : base($"{prefix}{parameter} {problem}") => (_prefix, Parameter, Problem, Position) = (prefix, parameter, problem, position);

    /// <summary>1-based column (formulas, specs) or line (log files) of the problem, if known.</summary>
    public int? Position { get; }

    /// <summary>The parameter at fault under Core's name (snake_case, PyTorch's where PyTorch has one), if any.</summary>
    public string? Parameter { get; }

    /// <summary>What is wrong with <see cref="Parameter"/>, without its name (e.g. <c>must be between 0 and 100000, got -1</c>).</summary>
    public string? Problem { get; }

    /// <summary>Bad value of the parameter <paramref name="parameter"/>: the message is "<paramref name="parameter"/> <paramref name="problem"/>".</summary>
    public static InputException For(string parameter, string problem) => new(string.Empty, parameter, problem, null);

    /// <summary>
    /// Bad value of <paramref name="parameter"/> found at line <paramref name="line"/> of a log: the message is
    /// "line N: <paramref name="parameter"/> <paramref name="problem"/>" (e.g. <c>line 1: column must name one of …</c>).
    /// </summary>
    public static InputException For(string parameter, string problem, int line) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {line}: "), parameter, problem, line);

    /// <summary>The same error with <paramref name="prefix"/> in front (e.g. the file it is about), its parameter kept.</summary>
    public InputException Within(string prefix) => Parameter is { } p && Problem is { } problem
        ? new(prefix + _prefix, p, problem, Position)
        : new(prefix + Message, Position);

    /// <summary>The message with the parameter named by <paramref name="name"/> (a CLI flag, a form field's label).</summary>
    public string Worded(Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Parameter is { } p && Problem is { } problem ? $"{_prefix}{name(p)} {problem}" : Message;
    }
}
