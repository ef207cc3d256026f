using System.Text;

namespace Postmortem.Terminal.Input;

/// <summary>
/// Splits a command line into words. A word that starts with a double quote runs to the closing quote and may
/// contain spaces (<c>\"</c> and <c>\\</c> escape inside quotes); quotes inside a word are ordinary characters.
/// </summary>
public static class Tokenizer
{
    public static bool TryTokenize(string line, out IReadOnlyList<Token> tokens, out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        var result = new List<Token>();
        tokens = result;
        error = null;
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }

            var start = i;
            if (line[i] != '"')
            {
                while (i < line.Length && !char.IsWhiteSpace(line[i]))
                {
                    i++;
                }

                result.Add(new Token(line[start..i], start, i, Quoted: false));
                continue;
            }

            var value = new StringBuilder();
            i++;
            var closed = false;
            while (i < line.Length)
            {
                var c = line[i++];
                if (c == '\\' && i < line.Length && line[i] is '"' or '\\')
                {
                    value.Append(line[i++]);
                }
                else if (c == '"')
                {
                    closed = true;
                    break;
                }
                else
                {
                    value.Append(c);
                }
            }

            if (!closed)
            {
                error = "A quote is not closed. Close it, or write \\\" for a quote inside quoted text.";
                return false;
            }

            result.Add(new Token(value.ToString(), start, i, Quoted: true));
        }

        return true;
    }
}
