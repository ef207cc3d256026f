using System.Text;

namespace Postmortem.Terminal.Input;

/// <summary>
/// Reads command lines and text blocks. A block is every line up to a line holding only <c>.</c> (spaces around
/// it allowed); a line of only <c>..</c> stands for a literal <c>.</c>.
/// </summary>
public sealed class InputReader(TextReader input)
{
    public const string BlockEnd = ".";

    /// <summary>The number of the line read last (1-based), for messages about scripts.</summary>
    public int LineNumber { get; private set; }

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = await input.ReadLineAsync(cancellationToken);
        if (line is not null)
        {
            LineNumber++;
        }

        return line;
    }

    /// <summary>Reads a text block; null when the input ended before the closing <c>.</c> line.</summary>
    public async Task<string?> ReadBlockAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        while (await ReadLineAsync(cancellationToken) is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed == BlockEnd)
            {
                return text.ToString();
            }

            text.Append(trimmed == ".." ? "." : line).Append('\n');
        }

        return null;
    }
}
