using System.Text;

namespace LrLab.Core.Schedules.Spec;

/// <summary>
/// Writes values the way both our parser and Python read them back: floats always carry a '.' or an
/// exponent (PyTorch checks <c>isinstance(pct_start, float)</c>), strings in single quotes.
/// </summary>
internal static class SpecFormat
{
    public const string PythonPrefix = "torch.optim.lr_scheduler.";

    public static string Float(double value) => PythonText.Float(value);

    public static string Int(int value) => PythonText.Int(value);

    public static string IntList(IEnumerable<int> values) => "[" + string.Join(", ", values.Select(Int)) + "]";

    public static string Str(string value) => PythonText.Str(value);

    public static string Bool(bool value) => PythonText.Bool(value);

    /// <summary><c>Name(a=1, b=2)</c>.</summary>
    public static string Call(string name, IEnumerable<SpecArg> args) =>
        name + "(" + string.Join(", ", args.Select(a => a.Name + "=" + a.Value)) + ")";

    /// <summary><c>scheduler = torch.optim.lr_scheduler.Name(optimizer, a=1, b=2)</c>.</summary>
    public static string Python(string name, IEnumerable<SpecArg> args, string variable = "scheduler")
    {
        var sb = new StringBuilder();
        sb.Append(variable).Append(" = ").Append(PythonPrefix).Append(name).Append("(optimizer");
        foreach (var a in args)
        {
            sb.Append(", ").Append(a.Name).Append('=').Append(a.Value);
        }

        return sb.Append(')').ToString();
    }
}
