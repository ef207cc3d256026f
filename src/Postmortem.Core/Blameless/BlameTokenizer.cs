using System.Collections.Frozen;

namespace Postmortem.Core.Blameless;

/// <summary>
/// Splits text into words, mentions and boundaries for <see cref="BlameRules"/>. Code spans become sentence ends
/// (what is in code is never prose about people). One pass, no regular expressions: the check runs on every answer.
/// </summary>
internal static class BlameTokenizer
{
    // "it's" is "it is", not something belonging to "it".
    private static readonly FrozenSet<string> _notPossessive = new[]
    {
        "it's", "that's", "there's", "here's", "what's", "who's", "he's", "she's", "let's", "where's", "how's", "this's",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<BlameToken> Tokenize(string text)
    {
        var tokens = new List<BlameToken>(text.Length / 5 + 4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                i = SkipCode(text, i);
                AddEnd(tokens, TokenKind.SentenceEnd, i);
                continue;
            }

            if (c == '<' && TryMention(text, i, out var kind, out var end))
            {
                end = PossessiveEnd(text, end, out var possessive);
                var raw = text[i..end];
                tokens.Add(new BlameToken(kind, i, end - i, raw, raw, false, possessive));
                i = end;
                continue;
            }

            if (c == '@' && TryHandle(text, i, out end))
            {
                end = PossessiveEnd(text, end, out var possessive);
                var raw = text[i..end].ToLowerInvariant();
                tokens.Add(new BlameToken(TokenKind.Handle, i, end - i, raw, raw, false, possessive));
                i = end;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                end = WordEnd(text, i);
                tokens.Add(Word(text, i, end));
                i = end;
                continue;
            }

            switch (c)
            {
                case '.' or '!' or '?' or ';' or '\n':
                    AddEnd(tokens, TokenKind.SentenceEnd, i);
                    break;
                case ',' or ':' or '(' or ')' or '[' or ']' or '"' or '“' or '”' or '—' or '–' or '|':
                    AddEnd(tokens, TokenKind.ClauseEnd, i);
                    break;
                case '-' when i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]):
                    AddEnd(tokens, TokenKind.ClauseEnd, i);
                    break;
            }

            i++;
        }

        return tokens;
    }

    private static BlameToken Word(string text, int start, int end)
    {
        var lower = text.AsSpan(start, end - start).ToString().ToLowerInvariant().Replace('’', '\'');
        var stem = lower;
        var possessive = false;
        if (lower.EndsWith("'s", StringComparison.Ordinal) && !_notPossessive.Contains(lower))
        {
            stem = lower[..^2];
            possessive = true;
        }
        else if (lower.EndsWith("s'", StringComparison.Ordinal))
        {
            stem = lower[..^1];
            possessive = true;
        }

        return new BlameToken(TokenKind.Word, start, end - start, lower, stem, char.IsUpper(text[start]), possessive);
    }

    private static int WordEnd(string text, int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                i++;
            }
            else if (c is '\'' or '’' or '-' or '_' or '.' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                i += 2;
            }
            else if (c is '\'' or '’' && text[i - 1] is 's' or 'S')
            {
                // "jonas'" (possessive): the apostrophe belongs to the word.
                i++;
                break;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int PossessiveEnd(string text, int end, out bool possessive)
    {
        possessive = end + 1 < text.Length && text[end] is '\'' or '’' && text[end + 1] is 's' or 'S'
            && (end + 2 == text.Length || !char.IsLetterOrDigit(text[end + 2]));
        return possessive ? end + 2 : end;
    }

    private static bool TryMention(string text, int i, out TokenKind kind, out int end)
    {
        kind = TokenKind.UserMention;
        end = i;
        var j = i + 1;
        if (j >= text.Length || text[j] != '@')
        {
            return false;
        }

        j++;
        if (j < text.Length && text[j] == '!')
        {
            j++;
        }
        else if (j < text.Length && text[j] == '&')
        {
            kind = TokenKind.RoleMention;
            j++;
        }

        var digits = j;
        while (j < text.Length && char.IsAsciiDigit(text[j]) && j - digits < 20)
        {
            j++;
        }

        if (j == digits || j >= text.Length || text[j] != '>')
        {
            return false;
        }

        end = j + 1;
        return true;
    }

    // Not e-mail (a word character before @), not @here/@everyone/@channel, not team mentions like @rust-lang/compiler.
    private static bool TryHandle(string text, int i, out int end)
    {
        end = i;
        if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or '@' or '/' or '+' or '-' or '_'))
        {
            return false;
        }

        var j = i + 1;
        if (j >= text.Length || !(char.IsAsciiLetter(text[j]) || text[j] == '_'))
        {
            return false;
        }

        while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '_' or '-'
                                   || (text[j] == '.' && j + 1 < text.Length && char.IsAsciiLetterOrDigit(text[j + 1]))))
        {
            j++;
        }

        if (j < text.Length && text[j] is '/' or '@')
        {
            return false;
        }

        var name = text.AsSpan(i + 1, j - i - 1);
        if (name.Equals("here", StringComparison.OrdinalIgnoreCase) || name.Equals("everyone", StringComparison.OrdinalIgnoreCase)
            || name.Equals("channel", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        end = j;
        return true;
    }

    private static int SkipCode(string text, int i)
    {
        if (string.CompareOrdinal(text, i, "```", 0, 3) == 0)
        {
            var close = text.IndexOf("```", i + 3, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 3;
        }

        var end = i + 1;
        while (end < text.Length && text[end] != '`' && text[end] != '\n')
        {
            end++;
        }

        return end < text.Length && text[end] == '`' ? end + 1 : i + 1;
    }

    private static void AddEnd(List<BlameToken> tokens, TokenKind kind, int at)
    {
        if (tokens.Count > 0 && tokens[^1] is { IsBoundary: true } last)
        {
            if (kind == TokenKind.SentenceEnd && last.Kind == TokenKind.ClauseEnd)
            {
                tokens[^1] = last with { Kind = TokenKind.SentenceEnd };
            }

            return;
        }

        tokens.Add(new BlameToken(kind, at, 1, "", "", false, false));
    }
}
