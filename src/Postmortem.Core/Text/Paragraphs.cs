using System.Text.RegularExpressions;

namespace Postmortem.Core.Text;

/// <summary>Paragraphs are blocks of text separated by blank lines (as in Markdown).</summary>
public static partial class Paragraphs
{
    public static int Count(string? text) => Split(text).Count;

    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. BlankLine().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(p => p.Trim()).Where(p => p.Length > 0)];

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();
}
