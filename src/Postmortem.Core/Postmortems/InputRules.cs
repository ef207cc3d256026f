using Postmortem.Core.Commands;
using Postmortem.Core.Text;

namespace Postmortem.Core.Postmortems;

/// <summary>
/// Normalises and validates user text; front ends may call these to validate early. Text that shows nothing (only
/// whitespace and invisible characters, see <see cref="VisibleText"/>) counts as empty.
/// </summary>
public static class InputRules
{
    /// <summary>Trims, normalises line endings and checks the text is non-empty and short enough.</summary>
    /// <returns>A user error, or null when <paramref name="normalized"/> is usable.</returns>
    public static UserError? Text(string? text, string what, int maxLength, out string normalized)
    {
        normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return UserError.Invalid($"{what} cannot be empty.");
        }

        if (!VisibleText.HasVisible(normalized))
        {
            return UserError.Invalid($"{what} cannot be empty: it has only spaces or invisible characters (such as zero-width spaces).");
        }

        return normalized.Length > maxLength
            ? UserError.Invalid($"{what} is {normalized.Length} characters long; the limit is {maxLength}.")
            : null;
    }

    /// <summary>Like <see cref="Text"/> but empty (or invisible-only) input is allowed and becomes null.</summary>
    public static UserError? OptionalText(string? text, string what, int maxLength, out string? normalized)
    {
        var trimmed = Normalize(text);
        normalized = VisibleText.HasVisible(trimmed) ? trimmed : null;
        return trimmed.Length > maxLength
            ? UserError.Invalid($"{what} is {trimmed.Length} characters long; the limit is {maxLength}.")
            : null;
    }

    public static UserError? Title(string? title, out string normalized) =>
        SingleLine(title, "The title", Limits.MaxTitleLength, out normalized);

    /// <summary>Like <see cref="Text"/>, and the text must be one line (titles, link titles).</summary>
    public static UserError? SingleLine(string? text, string what, int maxLength, out string normalized)
    {
        if (Text(text, what, maxLength, out normalized) is { } error)
        {
            return error;
        }

        return normalized.Contains('\n', StringComparison.Ordinal) ? UserError.Invalid($"{what} must be a single line.") : null;
    }

    /// <summary>
    /// An absolute http or https link with a host, at most <see cref="Limits.MaxUrlLength"/> characters, without
    /// spaces or control characters (exports put links into Markdown, where those would end the link).
    /// </summary>
    public static UserError? HttpUrl(string? url, string what, out string normalized)
    {
        normalized = (url ?? "").Trim();
        if (normalized.Length == 0)
        {
            return UserError.Invalid($"{what} cannot be empty.");
        }

        if (normalized.Length > Limits.MaxUrlLength)
        {
            return UserError.Invalid($"{what} is {normalized.Length} characters long; the limit is {Limits.MaxUrlLength}.");
        }

        var shown = normalized.Length > 80 ? normalized[..77] + "..." : normalized;
        var valid = !normalized.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            && Uri.TryCreate(normalized, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0;
        return valid ? null : UserError.Invalid($"\"{shown}\" is not an http(s) link.");
    }

    public static UserError? Severity(string? severity, out string? normalized) =>
        OptionalText(severity, "The severity", Limits.MaxSeverityLength, out normalized);

    public static UserError? SectionKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > Limits.MaxSectionKeyLength
            || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_'))
        {
            return UserError.Invalid($"\"{key}\" is not a section key.");
        }

        return null;
    }

    // Unpaired surrogates can only come from broken clients; they would make every UTF-8 writer fail or guess later.
    private static string Normalize(string? text) =>
        TextElements.WithoutLoneSurrogates((text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim());
}
