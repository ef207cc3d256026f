using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Chat;

/// <summary>
/// The postmortems a message can be pulled into: in a postmortem's thread (or a thread opened for it) that one;
/// in any other channel every open postmortem started there. Final ones take nothing, so they are left out.
/// </summary>
public sealed class ChatPostmortems(PostmortemService service, IPostmortemRepository repository, IEnumerable<IPostmortemChannels> otherChannels)
{
    public const string NoneOpen =
        "There is no open postmortem in this channel. Start one with `/postmortem start` here, then add the message again.";

    private readonly IPostmortemChannels[] _otherChannels = [.. otherChannels];

    public async Task<IReadOnlyList<Core.Postmortem>> OpenInAsync(string guildId, Snowflake channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(guildId);
        var channel = channelId.ToString();
        if (await FindByThreadAsync(channel, cancellationToken) is { } inThread)
        {
            return inThread.BelongsTo(guildId) && !inThread.IsReadOnly ? [inThread] : [];
        }

        var found = new List<Core.Postmortem>();
        foreach (var summary in await repository.ListAsync(guildId, limit: StorageLimits.MaxPostmortemList, cancellationToken: cancellationToken))
        {
            if (summary.Status != PostmortemStatus.Final && await service.GetAsync(summary.Id, cancellationToken) is { } postmortem
                && postmortem.BelongsTo(guildId) && string.Equals(postmortem.ChannelId, channel, StringComparison.Ordinal))
            {
                found.Add(postmortem);
            }
        }

        return found;
    }

    /// <summary>The option of a postmortem in a picker: "#3 Database outage".</summary>
    public static SelectOption Option(Core.Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return new SelectOption(DiscordMarkdown.Truncate($"#{postmortem.Id} {postmortem.Title}", 100), postmortem.Id.ToString());
    }

    private async Task<Core.Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        if (await repository.FindByThreadAsync(threadId, cancellationToken) is { } postmortem)
        {
            return postmortem;
        }

        foreach (var channels in _otherChannels)
        {
            if (await channels.FindPostmortemAsync(threadId, cancellationToken) is { } id)
            {
                return await service.GetAsync(id, cancellationToken);
            }
        }

        return null;
    }
}
