using System.Globalization;

namespace Postmortem.Core.Text;

/// <summary>A count with its noun in the right number, for what users read: "1 picture", "2 pictures".</summary>
public static class Counted
{
    /// <summary><paramref name="count"/> and <paramref name="noun"/>, adding "s" unless the count is exactly one.</summary>
    public static string Of(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
