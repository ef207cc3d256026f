namespace Postmortem.Discord.Emulator;

/// <summary>A user's membership in a guild: roles decide permissions, as in Discord.</summary>
public sealed class EmulatedMember
{
    private readonly List<EmulatedRole> _roles;

    internal EmulatedMember(EmulatedGuild guild, EmulatedUser user, IEnumerable<EmulatedRole> roles, DateTimeOffset joinedAt)
    {
        Guild = guild;
        User = user;
        _roles = [.. roles];
        JoinedAt = joinedAt;
    }

    public EmulatedGuild Guild { get; }

    public EmulatedUser User { get; }

    public DateTimeOffset JoinedAt { get; }

    public IReadOnlyList<EmulatedRole> Roles
    {
        get
        {
            lock (Guild.State.Gate)
            {
                return [.. _roles];
            }
        }
    }

    /// <summary>@everyone plus every role; Administrator (or owning the guild) means everything.</summary>
    public DiscordPermissions Permissions
    {
        get
        {
            lock (Guild.State.Gate)
            {
                if (Guild.OwnerId == User.Id)
                {
                    return AllPermissions;
                }

                var all = _roles.Aggregate(Guild.EveryoneRole.Permissions, (acc, role) => acc | role.Permissions);
                return all.HasFlag(DiscordPermissions.Administrator) ? AllPermissions : all;
            }
        }
    }

    internal static DiscordPermissions AllPermissions => (DiscordPermissions)((1UL << 52) - 1);

    internal void AddRole(EmulatedRole role)
    {
        if (!_roles.Contains(role))
        {
            _roles.Add(role);
        }
    }

    public override string ToString() => $"{User.Name} in {Guild.Name}";
}
