using Postmortem.Core.Commands;

namespace Postmortem.Core.Postmortems;

/// <summary>Normalises and validates user text; front ends may call these to validate early.</summary>
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

        return normalized.Length > maxLength
            ? UserError.Invalid($"{what} is {normalized.Length} characters long; the limit is {maxLength}.")
            : null;
    }

    /// <summary>Like <see cref="Text"/> but empty input is allowed and becomes null.</summary>
    public static UserError? OptionalText(string? text, string what, int maxLength, out string? normalized)
    {
        var trimmed = Normalize(text);
        normalized = trimmed.Length == 0 ? null : trimmed;
        return trimmed.Length > maxLength
            ? UserError.Invalid($"{what} is {trimmed.Length} characters long; the limit is {maxLength}.")
            : null;
    }

    public static UserError? Title(string? title, out string normalized)
    {
        if (Text(title, "The title", Limits.MaxTitleLength, out normalized) is { } error)
        {
            return error;
        }

        return normalized.Contains('\n', StringComparison.Ordinal)
            ? UserError.Invalid("The title must be a single line.")
            : null;
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

    private static string Normalize(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}
