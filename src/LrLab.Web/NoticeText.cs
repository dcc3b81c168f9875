namespace LrLab.Web;

/// <summary>Notices quote what a link carried; whatever it carried, a notice stays one line.</summary>
public static class NoticeText
{
    /// <summary><paramref name="notice"/> with every control character (line breaks, tabs, NUL) shown as a space.</summary>
    public static string OneLine(string notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Any(char.IsControl)
            ? string.Create(notice.Length, notice, (span, text) =>
            {
                for (var i = 0; i < text.Length; i++)
                {
                    span[i] = char.IsControl(text[i]) ? ' ' : text[i];
                }
            })
            : notice;
    }

    /// <summary>Each notice on one line.</summary>
    public static IReadOnlyList<string> OneLine(IEnumerable<string> notices) => [.. notices.Select(OneLine)];
}
