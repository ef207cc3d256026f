using System.Globalization;
using Postmortem.Core.Postmortems;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Interactions;

/// <summary>
/// A component or modal custom id: <c>prefix:arg:arg…</c>, at most 100 characters. The prefix picks the handler
/// (see <see cref="InteractionRouter"/>); for postmortem-scoped ids the first argument is the postmortem id, e.g.
/// <c>answer:42:summary</c>. Only stable database ids go in, never in-memory state, so a button still works
/// after a restart.
/// </summary>
public sealed record CustomId(string Prefix, IReadOnlyList<string> Args)
{
    public const char Separator = ':';

    /// <summary>Builds the text; throws for a malformed prefix or argument or an over-long id (programmer errors).</summary>
    public static string Format(string prefix, params IEnumerable<string> args)
    {
        if (!IsPrefix(prefix))
        {
            throw new ArgumentException($"Custom id prefix \"{prefix}\" must be lower-case letters, digits or '-'.", nameof(prefix));
        }

        var list = args.ToList();
        if (list.Find(a => a is null || a.Contains(Separator, StringComparison.Ordinal)) is { } bad)
        {
            throw new ArgumentException($"Custom id argument \"{bad}\" must not contain '{Separator}'.", nameof(args));
        }

        var text = list.Count == 0 ? prefix : prefix + Separator + string.Join(Separator, list);
        return text.Length <= DiscordLimits.CustomId
            ? text
            : throw new ArgumentException($"Custom id \"{text}\" is {text.Length} characters; Discord allows {DiscordLimits.CustomId}.", nameof(args));
    }

    /// <summary>A postmortem-scoped id: <c>prefix:{postmortem id}:args…</c>.</summary>
    public static string For(string prefix, PostmortemId postmortemId, params IEnumerable<string> args) =>
        Format(prefix, [postmortemId.ToString(), .. args]);

    public static bool TryParse(string? text, out CustomId id)
    {
        id = new CustomId("", []);
        if (string.IsNullOrEmpty(text) || text.Length > DiscordLimits.CustomId)
        {
            return false;
        }

        var parts = text.Split(Separator);
        if (!IsPrefix(parts[0]))
        {
            return false;
        }

        id = new CustomId(parts[0], parts[1..]);
        return true;
    }

    /// <summary>The argument at <paramref name="index"/>, or "" when there is none.</summary>
    public string Arg(int index) => index < Args.Count ? Args[index] : "";

    /// <summary>The first argument as a postmortem id (postmortem-scoped ids).</summary>
    public bool TryGetPostmortemId(out PostmortemId id) => PostmortemId.TryParse(Arg(0), out id);

    public bool TryGetInt(int index, out int value) =>
        int.TryParse(Arg(index), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public override string ToString() => Args.Count == 0 ? Prefix : Prefix + Separator + string.Join(Separator, Args);

    private static bool IsPrefix(string? prefix) =>
        !string.IsNullOrEmpty(prefix) && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
