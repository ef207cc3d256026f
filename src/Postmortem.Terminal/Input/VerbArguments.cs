namespace Postmortem.Terminal.Input;

/// <summary>
/// The words after a verb: positional arguments and the verb's <c>--options</c>. Free text is taken from the raw
/// line (<see cref="TextFrom"/>), so it keeps its spacing and punctuation exactly as typed.
/// </summary>
public sealed class VerbArguments
{
    private readonly string _line;
    private readonly List<(Token Token, int Index)> _positional;
    private readonly Dictionary<string, string?> _options;

    private VerbArguments(string line, List<(Token, int)> positional, Dictionary<string, string?> options)
    {
        _line = line;
        _positional = positional;
        _options = options;
    }

    public int Count => _positional.Count;

    public string this[int index] => _positional[index].Token.Value;

    public bool Has(string option) => _options.ContainsKey(option);

    public string? Option(string option) => _options.GetValueOrDefault(option);

    /// <summary>
    /// The text of the positional arguments from <paramref name="index"/> on, as typed; a single quoted argument
    /// yields its content. Empty when there are none.
    /// </summary>
    public string TextFrom(int index)
    {
        if (index >= _positional.Count)
        {
            return "";
        }

        var tail = _positional.Skip(index).ToList();
        if (tail.Count == 1 && tail[0].Token.Quoted)
        {
            return tail[0].Token.Value;
        }

        // Options in the middle split the text into runs; each run is copied verbatim.
        var runs = new List<string>();
        var runStart = 0;
        for (var i = 1; i <= tail.Count; i++)
        {
            if (i == tail.Count || tail[i].Index != tail[i - 1].Index + 1)
            {
                runs.Add(_line[tail[runStart].Token.Start..tail[i - 1].Token.End]);
                runStart = i;
            }
        }

        return string.Join(' ', runs);
    }

    /// <summary>Separates options from positional words; unknown <c>--options</c> are errors when the verb has options.</summary>
    public static bool TryParse(
        string line,
        IReadOnlyList<Token> tokens,
        int skip,
        IReadOnlyList<OptionSpec> specs,
        out VerbArguments arguments,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(specs);
        var positional = new List<(Token, int)>();
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        arguments = new VerbArguments(line, positional, options);
        error = null;
        for (var i = skip; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (specs.Count == 0 || token.Quoted || !token.Value.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add((token, i));
                continue;
            }

            var (name, inlineValue) = SplitOption(token.Value);
            var spec = specs.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            if (spec is null)
            {
                error = $"Unknown option {name} (this command knows {string.Join(", ", specs.Select(s => s.Name))}). "
                    + "Put text that starts with -- in quotes.";
                return false;
            }

            if (!spec.TakesValue)
            {
                options[spec.Name] = null;
                continue;
            }

            if (inlineValue is null)
            {
                if (i + 1 >= tokens.Count)
                {
                    error = $"The option {spec.Name} needs a value.";
                    return false;
                }

                inlineValue = tokens[++i].Value;
            }

            options[spec.Name] = inlineValue;
        }

        return true;
    }

    private static (string Name, string? Value) SplitOption(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (word, null) : (word[..equals], word[(equals + 1)..]);
    }
}
