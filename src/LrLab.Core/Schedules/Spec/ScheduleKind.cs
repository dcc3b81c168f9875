namespace LrLab.Core.Schedules.Spec;

/// <summary>
/// What the binder knows about one PyTorch scheduler class: its signature (parameters in PyTorch's positional
/// order without the optimizer, each with PyTorch's default: the one table those defaults live in) and how to build
/// it from bound arguments.
/// </summary>
internal sealed record ScheduleKind(PyTorchSignature Signature, Func<BoundArgs, object> Create)
{
    /// <summary>PyTorch's class name.</summary>
    public string Name => Signature.ClassName;

    /// <summary>The parameter names in positional order.</summary>
    public IReadOnlyList<string> Parameters => Signature.Names;
}
