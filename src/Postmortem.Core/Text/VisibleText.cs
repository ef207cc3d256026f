using System.Globalization;
using System.Text;

namespace Postmortem.Core.Text;

/// <summary>
/// Whether text would show anything. Zero-width spaces, joiners, the BOM and every other Unicode format character
/// (category Cf), control characters, whitespace, variation selectors and the Hangul fillers render as nothing, so
/// an answer made only of them would be saved and shown as a blank.
/// </summary>
public static class VisibleText
{
    /// <summary>True when at least one character of <paramref name="text"/> is visible.</summary>
    public static bool HasVisible(string? text)
    {
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (!IsInvisible(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for characters that render as nothing on their own.</summary>
    public static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.Surrogate
        || IsFillerOrSelector(rune.Value);

    // Letters and marks by category, yet drawn as blank: Hangul fillers, variation selectors, the Mongolian ones.
    private static bool IsFillerOrSelector(int value) => value is
        0x115F or 0x1160 or 0x3164 or 0xFFA0
        or (>= 0x180B and <= 0x180F)
        or (>= 0xFE00 and <= 0xFE0F)
        or (>= 0xE0100 and <= 0xE01EF);
}
