namespace LrLab.Fuzz;

/// <summary>What every message shown to a user must be.</summary>
public static class Notices
{
    /// <summary>Each notice is one non-empty line.</summary>
    public static void AreOneLine(IEnumerable<string> notices)
    {
        foreach (var notice in notices)
        {
            IsOneLine(notice);
        }
    }

    /// <summary>The message is one non-empty line.</summary>
    public static void IsOneLine(string? message)
    {
        FuzzException.Unless(!string.IsNullOrWhiteSpace(message), "an empty message");
        FuzzException.Unless(message!.IndexOfAny(['\n', '\r']) < 0, $"a message over several lines: {message}");
    }
}
