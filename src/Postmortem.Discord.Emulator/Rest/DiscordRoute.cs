namespace Postmortem.Discord.Emulator;

/// <summary>Who may call a route.</summary>
internal enum RouteAuth
{
    /// <summary><c>Authorization: Bot &lt;token&gt;</c> required.</summary>
    Bot,

    /// <summary>The interaction token in the path is the credential (callbacks, followups) or none is needed.</summary>
    None,
}

/// <summary>Endpoint metadata: the Discord route template (without /api/v10) and how it is limited.</summary>
internal sealed record DiscordRoute(string Method, string Template, RouteAuth Auth)
{
    private static readonly string[] _majorParameters = ["channel_id", "guild_id"];

    public string Key => $"{Method} {Template}";

    /// <summary>Interaction callbacks and followups are exempt from the global limit.</summary>
    public bool IsInteraction =>
        Template.StartsWith("/interactions/", StringComparison.Ordinal) || Template.Contains("{interaction_token}", StringComparison.Ordinal);

    /// <summary>Buckets are split by the top-level resource: channel, guild, or webhook id + token.</summary>
    public string MajorKey(Func<string, string?> value)
    {
        foreach (var name in _majorParameters)
        {
            if (Template.Contains($"{{{name}}}", StringComparison.Ordinal))
            {
                return value(name) ?? "";
            }
        }

        return IsInteraction ? $"{value("application_id") ?? value("interaction_id")}:{value("interaction_token")}" : "";
    }
}
