namespace Postmortem.Discord.Models;

/// <summary>A Discord user (resources/user "User Object"); only the fields a bot commonly needs.</summary>
public sealed record User
{
    public Snowflake Id { get; init; }

    public string Username { get; init; } = "";

    /// <summary>"0" for users on the new username system.</summary>
    public string? Discriminator { get; init; }

    /// <summary>The display name the user chose; null means "use <see cref="Username"/>".</summary>
    public string? GlobalName { get; init; }

    public string? Avatar { get; init; }

    public bool? Bot { get; init; }

    public bool? System { get; init; }

    public int? PublicFlags { get; init; }

    /// <summary>What a person sees: the global display name, else the username.</summary>
    public string DisplayName => GlobalName ?? Username;

    /// <summary>The text that pings this user when placed in a message (and allowed by AllowedMentions).</summary>
    public string Mention => $"<@{Id}>";
}
