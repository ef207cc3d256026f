using System.Globalization;
using System.Text;

namespace Postmortem.Core.Text;

/// <summary>The template's numbering: letters (a, b, ..., z, aa) and lower-case roman numerals (i, ii, iv).</summary>
public static class Numbering
{
    public static string Letters(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        var builder = new StringBuilder();
        while (ordinal > 0)
        {
            ordinal--;
            builder.Insert(0, (char)('a' + (ordinal % 26)));
            ordinal /= 26;
        }

        return builder.ToString();
    }

    public static string Roman(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        if (ordinal >= 4000)
        {
            return ordinal.ToString(CultureInfo.InvariantCulture);
        }

        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"];
        var builder = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            while (ordinal >= values[i])
            {
                builder.Append(symbols[i]);
                ordinal -= values[i];
            }
        }

        return builder.ToString();
    }
}
