namespace Postmortem.Core.Metrics;

/// <summary>A parsed table: the header's cells and each data row's cells (padded or cut to the header's width).</summary>
public sealed record TableRows(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

public static partial class MarkdownTable
{
    /// <summary>The cells of a table that <see cref="Validate"/> accepts (escaped pipes unescaped); null otherwise.</summary>
    public static TableRows? Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (Validate(markdown) is not null)
        {
            return null;
        }

        var lines = markdown.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var header = Cells(lines[0]).Select(Unescape).ToList();
        var rows = lines.Skip(2)
            .Select(line => (IReadOnlyList<string>)[.. Cells(line).Select(Unescape).Concat(Enumerable.Repeat("", header.Count)).Take(header.Count)])
            .ToList();
        return new TableRows(header, rows);
    }

    private static string Unescape(string cell) => cell.Replace("\\|", "|", StringComparison.Ordinal);
}
