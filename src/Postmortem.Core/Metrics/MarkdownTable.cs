using System.Text.RegularExpressions;

namespace Postmortem.Core.Metrics;

/// <summary>Checks that text is a GitHub-flavoured Markdown table: a header row, a separator row, data rows.</summary>
public static partial class MarkdownTable
{
    /// <summary>Returns a user-facing problem description, or null when the table is well formed.</summary>
    public static string? Validate(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 2)
        {
            return "A table needs at least a header row and a separator row like | --- | --- |.";
        }

        var columns = Cells(lines[0]).Count;
        if (!lines[0].Contains('|', StringComparison.Ordinal) || columns == 0)
        {
            return "The first line must be a header row such as | Metric | Value |.";
        }

        var separator = Cells(lines[1]);
        if (!lines[1].Contains('|', StringComparison.Ordinal) || separator.Count != columns || !separator.All(c => SeparatorCell().IsMatch(c)))
        {
            return $"The second line must be a separator row with {columns} cell(s), like | --- | --- |.";
        }

        for (var i = 2; i < lines.Length; i++)
        {
            if (!lines[i].Contains('|', StringComparison.Ordinal))
            {
                return $"Row {i + 1} is not a table row (cells are separated by |).";
            }
        }

        return null;
    }

    private static List<string> Cells(string row)
    {
        var trimmed = row.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^1];
        }

        return [.. EscapedPipeAware().Split(trimmed).Select(c => c.Trim())];
    }

    [GeneratedRegex(@"^:?-+:?$")]
    private static partial Regex SeparatorCell();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex EscapedPipeAware();
}
