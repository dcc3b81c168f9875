namespace LrLab.Web.Schedules;

/// <summary>One constructor parameter of a PyTorch scheduler as a form field.</summary>
/// <param name="Name">PyTorch's parameter name (also the spec keyword).</param>
/// <param name="Kind">How it is edited.</param>
/// <param name="Default">PyTorch's default as spec text; empty when the parameter is required or defaults to None.</param>
/// <param name="Start">The value a fresh form starts with (a sensible example for required parameters).</param>
/// <param name="Help">A short hint shown under the field.</param>
public sealed record SchedulerField(string Name, FieldKind Kind, string Default, string Start, string Help)
{
    /// <summary>The allowed values of a <see cref="FieldKind.Choice"/> field.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Required by PyTorch (no default).</summary>
    public bool Required { get; init; }
}
