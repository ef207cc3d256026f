using System.Globalization;
using System.Text;

namespace Postmortem.Core.Text;

/// <summary>
/// Makes text from users safe to put in a log line: a carriage return or line feed in a custom id, a name or an
/// answer would otherwise start a forged log line. CR, LF and tab become \r, \n and \t, other control characters
/// and the line, paragraph and bidirectional-override characters become \uXXXX, and a backslash is doubled, so an
/// escaped line reads back unambiguously.
/// </summary>
public static class LogText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\\"),
                '\r' => escaped.Append(@"\r"),
                '\n' => escaped.Append(@"\n"),
                '\t' => escaped.Append(@"\t"),
                _ when NeedsEscape(c) => escaped.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c == '\\' || char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
