namespace LrLab.Core;

/// <summary>
/// The parameters of one PyTorch constructor that LR Lab mirrors (without <c>params</c> or <c>optimizer</c>), in
/// PyTorch's order, each with PyTorch's default: the one table a family's defaults are read from.
/// </summary>
public sealed class PyTorchSignature
{
    /// <summary>Creates the table of <paramref name="className"/>.</summary>
    public PyTorchSignature(string className, IReadOnlyList<ParameterDefault> parameters)
    {
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(parameters);
        ClassName = className;
        Parameters = parameters;
        Names = [.. parameters.Select(p => p.Name)];
    }

    /// <summary>PyTorch's class name (<c>Adam</c>, <c>StepLR</c>).</summary>
    public string ClassName { get; }

    /// <summary>The mirrored parameters in PyTorch's positional order.</summary>
    public IReadOnlyList<ParameterDefault> Parameters { get; }

    /// <summary>The parameter names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The parameter called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">This class has no such (mirrored) parameter.</exception>
    public ParameterDefault this[string name] =>
        Find(name) ?? throw new KeyNotFoundException($"{ClassName} has no parameter '{name}'");

    /// <summary>The parameter called <paramref name="name"/>, or null.</summary>
    public ParameterDefault? Find(string name) => Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override string ToString() => ClassName + "(" + string.Join(", ", Parameters) + ")";
}
