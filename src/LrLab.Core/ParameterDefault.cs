namespace LrLab.Core;

/// <summary>
/// One constructor parameter of a PyTorch class that LR Lab mirrors, with PyTorch's default kept in PyTorch's
/// type: a float, an int, a bool, a string, a tuple of floats (Adam's <c>betas</c>) or <c>None</c>; or no default
/// at all (<see cref="IsRequired"/>). Forms, placeholders and help text read defaults from here.
/// </summary>
public sealed class ParameterDefault
{
    private ParameterDefault(string name, object? value, bool required)
    {
        Name = name;
        Value = value;
        IsRequired = required;
    }

    /// <summary>PyTorch's parameter name (<c>weight_decay</c>).</summary>
    public string Name { get; }

    /// <summary>The parameter has no default (PyTorch raises without it, e.g. StepLR's <c>step_size</c>, SGD's <c>lr</c>).</summary>
    public bool IsRequired { get; }

    /// <summary>
    /// The default: a <see cref="double"/> (Python float), an <see cref="int"/>, a <see cref="bool"/>, a
    /// <see cref="string"/>, an <see cref="IReadOnlyList{T}"/> of doubles (a tuple) or null (<c>None</c>, or required).
    /// </summary>
    public object? Value { get; }

    /// <summary>The default as Python's <c>repr</c> writes it (<c>0.1</c>, <c>0</c>, <c>1e-08</c>, <c>(0.9, 0.999)</c>, <c>'cos'</c>, <c>None</c>); empty when required.</summary>
    public string Text => Value switch
    {
        _ when IsRequired => string.Empty,
        double d => PythonText.Float(d),
        int i => PythonText.Int(i),
        bool b => PythonText.Bool(b),
        string s => PythonText.Str(s),
        IReadOnlyList<double> tuple => "(" + string.Join(", ", tuple.Select(PythonText.Float)) + ")",
        _ => "None",
    };

    /// <summary>A numeric default (float or int) as a double.</summary>
    /// <exception cref="InvalidOperationException">The default is not a number.</exception>
    public double Number => Value switch
    {
        double d => d,
        int i => i,
        _ => throw new InvalidOperationException($"{Name} has no numeric default"),
    };

    /// <summary>An int default.</summary>
    /// <exception cref="InvalidOperationException">The default is not an int.</exception>
    public int Integer => Value is int i ? i : throw new InvalidOperationException($"{Name} has no int default");

    /// <summary>A boolean default.</summary>
    /// <exception cref="InvalidOperationException">The default is not a bool.</exception>
    public bool Flag => Value is bool b ? b : throw new InvalidOperationException($"{Name} has no bool default");

    /// <summary>A string default.</summary>
    /// <exception cref="InvalidOperationException">The default is not a string.</exception>
    public string Choice => Value as string ?? throw new InvalidOperationException($"{Name} has no string default");

    /// <summary>Item <paramref name="index"/> of a tuple default (<c>betas[1]</c>).</summary>
    /// <exception cref="InvalidOperationException">The default is not a tuple.</exception>
    public double Item(int index) => Value is IReadOnlyList<double> tuple
        ? tuple[index]
        : throw new InvalidOperationException($"{Name} has no tuple default");

    /// <summary>A parameter without a default.</summary>
    public static ParameterDefault Required(string name) => new(name, null, true);

    /// <summary>A Python float default.</summary>
    public static ParameterDefault Float(string name, double value) => new(name, value, false);

    /// <summary>A Python int default.</summary>
    public static ParameterDefault Int(string name, int value) => new(name, value, false);

    /// <summary>A Python bool default.</summary>
    public static ParameterDefault Bool(string name, bool value) => new(name, value, false);

    /// <summary>A Python str default.</summary>
    public static ParameterDefault Str(string name, string value) => new(name, value, false);

    /// <summary>A <c>None</c> default.</summary>
    public static ParameterDefault None(string name) => new(name, null, false);

    /// <summary>A tuple-of-floats default (<c>betas=(0.9, 0.999)</c>).</summary>
    public static ParameterDefault Tuple(string name, params double[] values) => new(name, Array.AsReadOnly(values), false);

    /// <inheritdoc/>
    public override string ToString() => IsRequired ? Name : Name + "=" + Text;
}
