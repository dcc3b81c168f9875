namespace LrLab.Core.Schedules.Spec;

/// <summary>
/// The syntax tree of a spec string: a tiny subset of Python call syntax. Every node keeps the 1-based
/// column where it starts so errors can point at it.
/// </summary>
internal abstract record SpecNode(int Column)
{
    /// <summary>How the value reads in an error message ("got ...").</summary>
    public abstract string Describe();
}

/// <summary>A number literal; <see cref="IsInteger"/> when it has neither a '.' nor an exponent.</summary>
internal sealed record NumberNode(int Column, double Value, bool IsInteger, string Text) : SpecNode(Column)
{
    public override string Describe() => Text;
}

/// <summary>A quoted string.</summary>
internal sealed record StringNode(int Column, string Value) : SpecNode(Column)
{
    public override string Describe() => "'" + Value + "'";
}

/// <summary><c>True</c> or <c>False</c>.</summary>
internal sealed record BoolNode(int Column, bool Value) : SpecNode(Column)
{
    public override string Describe() => Value ? "True" : "False";
}

/// <summary><c>None</c>.</summary>
internal sealed record NoneNode(int Column) : SpecNode(Column)
{
    public override string Describe() => "None";
}

/// <summary><c>[a, b, ...]</c>.</summary>
internal sealed record ListNode(int Column, IReadOnlyList<SpecNode> Items) : SpecNode(Column)
{
    public override string Describe() => "a list";
}

/// <summary><c>Name(args)</c>; <see cref="SpecNode.Column"/> is where the name starts.</summary>
internal sealed record CallNode(int Column, string Name, IReadOnlyList<SpecArgNode> Args) : SpecNode(Column)
{
    public override string Describe() => Name + "(...)";
}

/// <summary>One argument of a call: keyword (<see cref="Name"/> set) or positional.</summary>
internal sealed record SpecArgNode(string? Name, int Column, SpecNode Value);
