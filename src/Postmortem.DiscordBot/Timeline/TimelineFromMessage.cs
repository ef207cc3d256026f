using System.Globalization;
using Postmortem.Core.Guilds;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Timeline;

/// <summary>
/// The "Add to timeline" message command: in a postmortem's thread, opens the timeline entry modal filled in with the
/// message's time (in the guild's zone) and text, so a status update or an alert pasted into the thread becomes an
/// entry in two clicks. The submit is <see cref="TimelineEntryModal"/>'s.
/// </summary>
public sealed class TimelineFromMessage(PostmortemAccess access, IGuildSettingsStore settingsStore) : IMessageCommandHandler
{
    public const string CommandName = "Add to timeline";

    public string Name => CommandName;

    public async Task HandleAsync(InteractionContext context, Message target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        if (postmortem.IsReadOnly)
        {
            await context.FailAsync(Core.Commands.UserError.ReadOnly().Message, cancellationToken);
            return;
        }

        var zone = (await settingsStore.GetAsync(postmortem.GuildId, cancellationToken)).TimeZone;
        var when = TimeZoneInfo.ConvertTime(target.Timestamp, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await context.ShowModalAsync(TimelineEntryModal.Build(postmortem.Id, zone, when, target.Content), cancellationToken);
    }
}
