namespace LrLab.Fuzz;

/// <summary>Reads a query string the way Blazor's [SupplyParameterFromQuery] hands values to a page: the last value of
/// a key wins, '+' is a space, a bad escape stays as typed.</summary>
public static class QueryReader
{
    public static string? Get(string query, string key)
    {
        string? found = null;
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                found = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
            }
        }

        return found;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
