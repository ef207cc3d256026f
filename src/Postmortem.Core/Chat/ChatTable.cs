using Postmortem.Core.Metrics;

namespace Postmortem.Core.Chat;

/// <summary>A Markdown table found in a chat message, and the rest of the message (used as its caption).</summary>
public sealed record ChatTable(string Markdown, string Rest)
{
    /// <summary>
    /// The first well-formed table in <paramref name="text"/>: consecutive lines that start with '|', in or out of a
    /// code fence (people paste tables in fences so chat does not mangle them). Null when there is none.
    /// </summary>
    public static ChatTable? Find(string? text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var start = 0; start < lines.Length; start++)
        {
            if (!IsRow(lines[start]))
            {
                continue;
            }

            var end = start;
            while (end + 1 < lines.Length && IsRow(lines[end + 1]))
            {
                end++;
            }

            var table = string.Join('\n', lines[start..(end + 1)].Select(l => l.Trim()));
            if (MarkdownTable.Validate(table) is null)
            {
                var rest = lines[..start].Concat(lines[(end + 1)..]).Where(l => !l.TrimStart().StartsWith("```", StringComparison.Ordinal));
                return new ChatTable(table, string.Join(' ', string.Join('\n', rest).Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)));
            }

            start = end;
        }

        return null;
    }

    private static bool IsRow(string line) => line.TrimStart().StartsWith('|');
}
