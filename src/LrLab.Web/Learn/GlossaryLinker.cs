using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LrLab.Web.Learn;

/// <summary>
/// Links the first use of each glossary term in a lesson to its entry on the course index. Works on our own lesson
/// markup: only text between tags is searched, never inside MathML, code, headings, links or the alternative-notation
/// asides, and a longer term wins over a shorter one it contains ("gradient descent" before "gradient").
/// </summary>
public static partial class GlossaryLinker
{
    private const char Open = '\u0001';
    private const char Close = '\u0002';

    private static readonly string[] _skipped = ["math", "code", "pre", "a", "h1", "h2", "h3", "h4", "span class=\"alt-notation\"", "p class=\"alt-notation\""];

    /// <summary>The lesson's section markup with the first use of every term linked; sections keep their order.</summary>
    public static IReadOnlyList<string> LinkFirstUses(IReadOnlyList<string> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var pieces = sections.Select(Split).ToList();
        var links = new List<string>();
        foreach (var entry in Glossary.Entries.OrderByDescending(e => e.Term.Length))
        {
            var pattern = new Regex($@"(?<![\p{{L}}-]){Regex.Escape(entry.Term)}(s|es)?(?![\p{{L}}-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var done = false;
            foreach (var section in pieces)
            {
                for (var i = 0; i < section.Count && !done; i++)
                {
                    if (section[i].IsMarkup || section[i].Skipped)
                    {
                        continue;
                    }

                    var match = pattern.Match(section[i].Text);
                    if (!match.Success)
                    {
                        continue;
                    }

                    var anchor = string.Create(CultureInfo.InvariantCulture,
                        $"""<a class="term" href="learn#{Glossary.Anchor(entry.Term)}" title="{WebUtility.HtmlEncode(entry.Definition)}">{match.Value}</a>""");
                    links.Add(anchor);
                    var token = string.Create(CultureInfo.InvariantCulture, $"{Open}{links.Count - 1}{Close}");
                    section[i] = section[i] with { Text = section[i].Text[..match.Index] + token + section[i].Text[(match.Index + match.Length)..] };
                    done = true;
                }

                if (done)
                {
                    break;
                }
            }
        }

        return [.. pieces.Select(section => Join(section, links))];
    }

    /// <summary>The terms a section list links, for tests: the glossary terms whose first use got a link.</summary>
    public static IReadOnlyList<string> LinkedTerms(IEnumerable<string> linkedSections) =>
        [.. linkedSections.SelectMany(html => TermLink().Matches(html).Select(m => m.Groups[1].Value))];

    private static List<Piece> Split(string html)
    {
        var pieces = new List<Piece>();
        var skipping = new Stack<string>();
        var at = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            if (tag.Index > at)
            {
                pieces.Add(new Piece(html[at..tag.Index], false, skipping.Count > 0));
            }

            var text = tag.Value;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (text.StartsWith("</", StringComparison.Ordinal))
            {
                if (skipping.Count > 0 && skipping.Peek() == name)
                {
                    skipping.Pop();
                }
            }
            else if (!text.EndsWith("/>", StringComparison.Ordinal) && (skipping.Count > 0 ? name == skipping.Peek() : Starts(text)))
            {
                skipping.Push(name);
            }

            pieces.Add(new Piece(text, true, skipping.Count > 0));
            at = tag.Index + tag.Length;
        }

        if (at < html.Length)
        {
            pieces.Add(new Piece(html[at..], false, skipping.Count > 0));
        }

        return pieces;
    }

    private static bool Starts(string tag) => _skipped.Any(s => tag.StartsWith("<" + s, StringComparison.OrdinalIgnoreCase)
        && (tag.Length == s.Length + 1 || !char.IsLetterOrDigit(tag[s.Length + 1])));

    private static string Join(List<Piece> pieces, List<string> links)
    {
        var html = new StringBuilder();
        foreach (var piece in pieces)
        {
            html.Append(piece.IsMarkup ? piece.Text : Token().Replace(piece.Text, m => links[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]));
        }

        return html.ToString();
    }

    private sealed record Piece(string Text, bool IsMarkup, bool Skipped);

    [GeneratedRegex(@"</?(?<name>[a-zA-Z][a-zA-Z0-9]*)[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("\u0001(\\d+)\u0002")]
    private static partial Regex Token();

    [GeneratedRegex("""<a class="term" href="learn#term-([a-z-]+)" """)]
    private static partial Regex TermLink();
}
