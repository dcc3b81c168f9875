using System.Globalization;
using System.Text;

namespace LrLab.Fuzz.Logs;

/// <summary>
/// <c>json.dumps(value, indent=2, sort_keys=True)</c> as Python writes it (TrainerState.save_to_json): keys sorted,
/// two-space indent, <c>", "</c>-free separators (<c>","</c> then a new line, <c>": "</c>), ensure_ascii escapes,
/// bare <c>NaN</c>/<c>Infinity</c>. Objects are lists of key/value pairs; values are double, long, int, bool, string,
/// null, lists and objects.
/// </summary>
public static class PyJson
{
    public static string Dumps(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int indent)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                sb.Append(PyFloat.Json(d));
                break;
            case int or long:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case string s:
                String(sb, s);
                break;
            case IReadOnlyList<KeyValuePair<string, object?>> obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }

                sb.Append("{\n");
                var first = true;
                foreach (var (key, item) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sb.Append(first ? string.Empty : ",\n").Append(' ', indent + 2);
                    String(sb, key);
                    sb.Append(": ");
                    Write(sb, item, indent + 2);
                    first = false;
                }

                sb.Append('\n').Append(' ', indent).Append('}');
                break;
            case System.Collections.IEnumerable list:
                var items = list.Cast<object?>().ToList();
                if (items.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }

                sb.Append("[\n");
                for (var i = 0; i < items.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ",\n").Append(' ', indent + 2);
                    Write(sb, items[i], indent + 2);
                }

                sb.Append('\n').Append(' ', indent).Append(']');
                break;
            default:
                throw new ArgumentException($"no JSON for {value.GetType().Name}", nameof(value));
        }
    }

    private static void String(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                '\b' => sb.Append("\\b"),
                '\f' => sb.Append("\\f"),
                _ when c < 0x20 || c > 0x7E => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => sb.Append(c),
            };
        }

        sb.Append('"');
    }
}
