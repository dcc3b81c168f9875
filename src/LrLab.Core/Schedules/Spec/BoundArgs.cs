namespace LrLab.Core.Schedules.Spec;

/// <summary>
/// The arguments of one call, matched to parameter names, with typed getters that enforce Python's
/// types (an int parameter rejects 30.0, a float parameter accepts 30) and report the argument's column.
/// </summary>
internal sealed class BoundArgs(CallNode call, string className, IReadOnlyDictionary<string, SpecNode> values, Func<CallNode, object> bind)
{
    public string ClassName { get; } = className;

    public bool Has(string name) => values.TryGetValue(name, out var node) && node is not NoneNode;

    public int Int(string name) => ToInt(name, Required(name));

    public int Int(string name, int defaultValue) => values.TryGetValue(name, out var n) ? ToInt(name, n) : defaultValue;

    /// <summary>An int parameter whose PyTorch default is <c>None</c>.</summary>
    public int? IntOrNone(string name) =>
        values.TryGetValue(name, out var n) && n is not NoneNode ? ToInt(name, n) : null;

    public double Float(string name) => ToFloat(name, Required(name));

    public double Float(string name, double defaultValue) => values.TryGetValue(name, out var n) ? ToFloat(name, n) : defaultValue;

    public bool Bool(string name, bool defaultValue)
    {
        if (!values.TryGetValue(name, out var n))
        {
            return defaultValue;
        }

        return n is BoolNode b ? b.Value : throw TypeError(name, "True or False", n);
    }

    /// <summary>A string parameter restricted to PyTorch's choices.</summary>
    public string Choice(string name, string defaultValue, params string[] allowed)
    {
        if (!values.TryGetValue(name, out var n))
        {
            return defaultValue;
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
        values.TryGetValue(name, out var n)
            ? n
            : throw SpecError.At($"{ClassName}: missing required parameter '{name}'", call.Column);

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
