namespace Postmortem.DiscordBot.Messages;

/// <summary>
/// Splits long text into message-sized pieces without losing any of it: cuts fall on paragraph breaks, then line
/// breaks, then spaces, and a code block cut in two is closed at the end of one piece and reopened (same
/// language) at the start of the next, so every piece renders on its own.
/// </summary>
public static class MessageChunker
{
    private const string Fence = "```";
    private const string CloseFence = "\n" + Fence;

    /// <summary>The pieces, each at most <paramref name="maxLength"/> characters; empty text gives no pieces.</summary>
    public static IReadOnlyList<string> Split(string? text, int maxLength = DiscordLimits.MessageContent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 40);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var chunks = new List<string>();
        string? openFence = null;
        var position = 0;
        while (position < text.Length)
        {
            var reopen = openFence is null ? "" : ReopenLine(openFence) + "\n";
            var rest = text.AsSpan(position);
            if (reopen.Length + rest.Length <= maxLength)
            {
                var last = reopen + rest.ToString();
                chunks.Add(DiscordMarkdown.OpenFenceAtEnd(rest.ToString(), openFence) is null ? last : Close(last, maxLength, chunks));
                break;
            }

            var cut = FindCut(rest, maxLength - reopen.Length);
            var piece = rest[..cut].TrimEnd().ToString();
            var fenceAfter = DiscordMarkdown.OpenFenceAtEnd(piece, openFence);
            if (fenceAfter is not null && reopen.Length + piece.Length + CloseFence.Length > maxLength)
            {
                // The piece ends inside a code block: leave room to close it.
                cut = FindCut(rest, maxLength - reopen.Length - CloseFence.Length);
                piece = rest[..cut].TrimEnd().ToString();
                fenceAfter = DiscordMarkdown.OpenFenceAtEnd(piece, openFence);
            }
            var chunk = reopen + piece;
            if (fenceAfter is not null)
            {
                chunk += CloseFence;
            }

            if (piece.Length > 0)
            {
                chunks.Add(chunk);
            }

            openFence = fenceAfter;
            position += cut;
            while (position < text.Length && text[position] is '\n' or '\r')
            {
                position++;
            }
        }

        return chunks;
    }

    // The final piece leaves a fence open: close it, splitting once more if the closing fence does not fit.
    private static string Close(string last, int maxLength, List<string> chunks)
    {
        if (last.Length + CloseFence.Length <= maxLength)
        {
            return last + CloseFence;
        }

        var split = Split(last + CloseFence, maxLength);
        chunks.AddRange(split.Take(split.Count - 1));
        return split[^1];
    }

    private static string ReopenLine(string fence) => fence.Length <= 24 ? fence : Fence;

    private static int FindCut(ReadOnlySpan<char> text, int budget)
    {
        var window = text[..Math.Min(budget, text.Length)];
        var minimum = budget / 2;
        foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n", " "])
        {
            var at = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (at >= minimum)
            {
                return at + separator.Length;
            }
        }

        var hard = window.Length;
        return hard > 1 && char.IsHighSurrogate(window[hard - 1]) ? hard - 1 : hard;
    }
}
