using Postmortem.Core.Guilds;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Settings;

/// <summary>Who may do what, by guild settings and Discord permissions.</summary>
public static class GuildPermissions
{
    public const string AdminsOnly = "Only members with the Administrator or Manage Server permission can change these settings.";

    /// <summary>Starting and finalizing: everyone unless a role is configured; admins always.</summary>
    public static bool MayStartOrFinalize(InteractionContext context, GuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.StarterRoleId is not { } role || context.IsGuildAdmin || context.HasRole(role);
    }

    public static string StarterRoleRequired(GuildSettings settings, string action)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return $"Only members with the <@&{settings.StarterRoleId}> role (or server admins) can {action} postmortems here.";
    }
}
