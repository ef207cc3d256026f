using System.Text.RegularExpressions;
using Postmortem.Core.Chat;
using Postmortem.Discord.Models;

namespace Postmortem.DiscordBot.Chat;

/// <summary>What the message commands take from a Discord message: its jump link and its text without names.</summary>
public static partial class ChatMessages
{
    /// <summary>The message as a <see cref="ChatSource"/>: its id and the link that jumps to it.</summary>
    public static ChatSource Source(string guildId, Snowflake channelId, Snowflake messageId) =>
        new(messageId.ToString(), $"https://discord.com/channels/{guildId}/{channelId}/{messageId}");

    /// <summary>
    /// The text with user and role mentions replaced by neutral words: a blameless postmortem says what happened,
    /// and a pasted mention would name (and, in an export, expose) a person.
    /// </summary>
    public static string Neutral(string? content)
    {
        var text = UserMention().Replace(content ?? "", "someone");
        return RoleMention().Replace(text, "a team");
    }

    [GeneratedRegex(@"<@!?\d+>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<@&\d+>")]
    private static partial Regex RoleMention();
}
