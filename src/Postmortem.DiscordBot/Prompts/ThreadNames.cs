using Postmortem.Core.Blameless;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Prompts;

/// <summary>
/// The names the blameless check knows are people in a postmortem's thread: everyone who took part in it (the
/// facilitator, the participants, the action item owners, by the names the server shows), and the author's own
/// user name, global name and server nickname, since people refer to each other by any of them.
/// </summary>
public static class ThreadNames
{
    public static KnownNames Of(Core.Postmortem postmortem, User? author, GuildMember? member) =>
        KnownNames.Of(postmortem, [author?.Username, author?.GlobalName, member?.Nick, member?.User?.Username]);

    public static KnownNames Of(Core.Postmortem postmortem, InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(postmortem, context.Interaction.User ?? context.Interaction.Member?.User, context.Interaction.Member);
    }
}
