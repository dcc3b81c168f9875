namespace LrLab.Core.Schedules.Spec;

/// <summary>
/// The arguments of one call, matched to parameter names, with typed getters that enforce Python's
/// types (an int parameter rejects 30.0, a float parameter accepts 30) and report the argument's column.
/// </summary>
internal sealed class BoundArgs(CallNode call, PyTorchSignature signature, IReadOnlyDictionary<string, SpecNode> values, Func<CallNode, object> bind)
{
    public string ClassName => signature.ClassName;

    public bool Has(string name) => values.TryGetValue(name, out var node) && node is not NoneNode;

    /// <summary>An int parameter; when absent, its default from the signature (or an error if it has none).</summary>
    public int Int(string name) => values.TryGetValue(name, out var n) ? ToInt(name, n) : Default(name).Integer;

    /// <summary>An int parameter whose PyTorch default is <c>None</c>.</summary>
    public int? IntOrNone(string name) =>
        values.TryGetValue(name, out var n) && n is not NoneNode ? ToInt(name, n) : null;

    /// <summary>A float parameter (an int is accepted, as in Python); when absent, its default.</summary>
    public double Float(string name) => values.TryGetValue(name, out var n) ? ToFloat(name, n) : Default(name).Number;

    /// <summary>A bool parameter; when absent, its default.</summary>
    public bool Bool(string name)
    {
        if (!values.TryGetValue(name, out var n))
        {
            return Default(name).Flag;
        }

        return n is BoolNode b ? b.Value : throw TypeError(name, "True or False", n);
    }

    /// <summary>A string parameter restricted to PyTorch's choices; when absent, its default.</summary>
    public string Choice(string name, params string[] allowed)
    {
        if (!values.TryGetValue(name, out var n))
        {
            return Default(name).Choice;
        }

        if (n is StringNode s && allowed.Contains(s.Value, StringComparer.Ordinal))
        {
            return s.Value;
        }

        throw TypeError(name, "one of " + string.Join(", ", allowed.Select(a => "'" + a + "'")), n);
    }

    /// <summary>A parameter we accept only as <c>None</c> (e.g. CyclicLR's <c>scale_fn</c>, a Python callable).</summary>
    public void NoneOnly(string name, string why)
    {
        if (values.TryGetValue(name, out var n) && n is not NoneNode)
        {
            throw SpecError.At($"{ClassName}: {name} is not supported ({why}); only None", n.Column);
        }
    }

    public IReadOnlyList<int> IntList(string name)
    {
        var n = Required(name);
        if (n is not ListNode list)
        {
            throw TypeError(name, "a list of integers", n);
        }

        return list.Items.Select(item => ToInt(name, item, "a list of integers")).ToArray();
    }

    /// <summary>A list of nested scheduler calls, each bound recursively.</summary>
    public IReadOnlyList<object> Calls(string name)
    {
        var n = Required(name);
        if (n is not ListNode list)
        {
            throw TypeError(name, "a list of schedulers", n);
        }

        return list.Items.Select(item => item is CallNode c ? bind(c) : throw TypeError(name, "a list of schedulers", item)).ToArray();
    }

    /// <summary>The column an error about <paramref name="name"/> should point at.</summary>
    public int ColumnOf(string name) => values.TryGetValue(name, out var n) ? n.Column : call.Column;

    private SpecNode Required(string name) =>
        values.TryGetValue(name, out var n) ? n : throw Missing(name);

    private ParameterDefault Default(string name) =>
        signature[name] is { IsRequired: false } d ? d : throw Missing(name);

    private InputException Missing(string name) => SpecError.At($"{ClassName}: missing required parameter '{name}'", call.Column);

    private int ToInt(string name, SpecNode n, string what = "an integer")
    {
        if (n is NumberNode { IsInteger: true } num && num.Value is >= int.MinValue and <= int.MaxValue)
        {
            return (int)num.Value;
        }

        throw TypeError(name, what, n);
    }

    private double ToFloat(string name, SpecNode n) =>
        n is NumberNode num ? num.Value : throw TypeError(name, "a number", n);

    private InputException TypeError(string name, string what, SpecNode n) =>
        SpecError.At($"{ClassName}: {name} must be {what}, got {n.Describe()}", n.Column);
}
