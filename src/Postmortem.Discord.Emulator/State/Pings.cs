namespace Postmortem.Discord.Emulator;

/// <summary>
/// Who a message actually notifies after <c>allowed_mentions</c> is applied, so tests can assert
/// "no pings" even when the content contains mention markup.
/// </summary>
public sealed record Pings(IReadOnlyList<ulong> Users, IReadOnlyList<ulong> Roles, bool Everyone)
{
    public static Pings None { get; } = new([], [], false);

    public bool IsEmpty => Users.Count == 0 && Roles.Count == 0 && !Everyone;
}
