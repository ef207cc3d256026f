using Postmortem.Core.Chat;
using Postmortem.Core.Guilds;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Timeline;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Timeline;

namespace Postmortem.DiscordBot.Chat;

/// <summary>
/// Apps › <b>Add to timeline</b> on a message: a form pre-filled with the message's time (in the guild's zone,
/// editable), its text (mentions made neutral, the author not named) and the kind, plus a postmortem picker when
/// several are open in the channel. The entry keeps a jump link to the message; a message goes on a timeline once.
/// Modal id: <c>chat-timeline:{postmortem or 0}:{channel}:{message}</c>.
/// </summary>
public sealed class AddToTimelineMenu(
    ChatPostmortems candidates,
    PostmortemAccess access,
    PostmortemCommandRunner runner,
    IGuildSettingsStore settingsStore,
    TimeProvider time) : IMessageCommandHandler, IModalHandler
{
    public const string MenuName = "Add to timeline";
    public const string Prefix = "chat-timeline";
    public const string PostmortemField = "postmortem";
    public const string WhenField = "when";
    public const string KindField = "kind";
    public const string WhatField = "what";

    public string Name => MenuName;

    public IReadOnlyCollection<string> Prefixes { get; } = [Prefix];

    public async Task HandleAsync(InteractionContext context, Message target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        if (context.GuildId is not { } guildId)
        {
            await context.FailAsync(PostmortemAccess.OnlyInServers, cancellationToken);
            return;
        }

        var open = await candidates.OpenInAsync(guildId, context.ChannelId, cancellationToken);
        if (open.Count == 0)
        {
            await context.FailAsync(ChatPostmortems.NoneOpen, cancellationToken);
            return;
        }

        // With one candidate a second pull is known before the form opens; with several, the engine tells on submit.
        if (open is [var only] && only.Timeline.FirstOrDefault(e => e.Source?.MessageId == target.Id.ToString()) is { } existing)
        {
            await context.FailAsync($"This message is already on the timeline of #{only.Id} (entry {existing.Id}). Nothing was changed.", cancellationToken);
            return;
        }

        var zone = (await settingsStore.GetAsync(guildId, cancellationToken)).TimeZone;
        await context.ShowModalAsync(Build(open, target, zone), cancellationToken);
    }

    public static ModalData Build(IReadOnlyList<Core.Postmortem> open, Message target, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(zone);
        var chosen = open.Count == 1 ? open[0].Id : new PostmortemId(0);
        var text = ChatExcerpt.ForTimeline(ChatMessages.Neutral(target.Content));
        var components = new List<Component>();
        if (open.Count > 1)
        {
            components.Add(Picker(open));
        }

        components.Add(new Label(
            "When",
            new TextInput
            {
                CustomId = WhenField,
                Style = TextInputStyle.Short,
                MinLength = 4,
                MaxLength = 40,
                Required = true,
                Value = TimelineView.LocalTime(target.Timestamp, zone),
            })
        {
            Description = DiscordMarkdown.Truncate($"When the message was posted, in {zone.Id}. Change it to when it happened.", DiscordLimits.LabelDescription),
        });
        components.Add(new Label(
            "What kind of moment",
            new StringSelect
            {
                CustomId = KindField,
                Options = [.. TimelineKinds.Options.Select(o => o.Value == "note" ? o with { Default = true } : o)],
                MinValues = 1,
                MaxValues = 1,
                Required = true,
            }));
        components.Add(new Label(
            "What happened",
            new TextInput
            {
                CustomId = WhatField,
                Style = TextInputStyle.Paragraph,
                MinLength = 1,
                MaxLength = Limits.MaxTextLength,
                Required = true,
                Value = text.Length == 0 ? null : text,
            }));
        return new ModalData(
            CustomId.For(Prefix, chosen, target.ChannelId.ToString(), target.Id.ToString()),
            "Add to the timeline",
            components);
    }

    internal static Label Picker(IReadOnlyList<Core.Postmortem> open) =>
        new("Which postmortem", new StringSelect
        {
            CustomId = PostmortemField,
            Options = [.. open.Take(25).Select(ChatPostmortems.Option)],
            MinValues = 1,
            MaxValues = 1,
            Required = true,
        })
        {
            Description = "Several postmortems are open in this channel.",
        };

    /// <summary>The postmortem a chat form was for: the id in its custom id, else the one picked.</summary>
    internal static PostmortemId? Chosen(InteractionContext context, CustomId customId)
    {
        if (customId.TryGetPostmortemId(out var id) && id.Value > 0)
        {
            return id;
        }

        return context.Data.GetModalFields().GetValueOrDefault(PostmortemField)?.Values is [var picked, ..]
            && long.TryParse(picked, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? new PostmortemId(value)
            : null;
    }

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (Chosen(context, customId) is not { } id || !Snowflake.TryParse(customId.Arg(1), out var channelId)
            || !Snowflake.TryParse(customId.Arg(2), out var messageId))
        {
            await context.FailAsync(InteractionRouter.UnknownComponentMessage, cancellationToken);
            return;
        }

        if (await access.LoadAsync(context, id, requireThread: false, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var zone = (await settingsStore.GetAsync(postmortem.GuildId, cancellationToken)).TimeZone;
        var fields = context.Data.GetModalFields();
        var when = fields.GetValueOrDefault(WhenField)?.Value;
        // Left as pre-filled: the message's own instant (its id carries it to the millisecond), not the minute shown.
        var posted = messageId.CreatedAt;
        DateTimeOffset at;
        if (string.Equals(when?.Trim(), TimelineView.LocalTime(posted, zone), StringComparison.Ordinal))
        {
            at = posted;
        }
        else if (!TimelineTimes.TryParse(when, zone, time.GetUtcNow(), out at, out var error))
        {
            await context.FailAsync(error + " Nothing was changed.", cancellationToken);
            return;
        }

        if (!TimelineKinds.TryParse(fields.GetValueOrDefault(KindField)?.Values is [var chosen, ..] ? chosen : null, out var kind))
        {
            await context.FailAsync("Pick what kind of moment it was. Nothing was changed.", cancellationToken);
            return;
        }

        var source = ChatMessages.Source(postmortem.GuildId, channelId, messageId);
        var command = new AddTimelineEntry(at, fields.GetValueOrDefault(WhatField)?.Value ?? "", kind) { Source = source };
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, command, cancellationToken);
        if (outcome is not { Succeeded: true, Postmortem: { } updated })
        {
            await context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken);
            return;
        }

        await context.ReplyEphemeralAsync(
            $"Added to the timeline of #{updated.Id}: `{TimelineView.Local(at, zone)}` {TimelineKinds.Describe(kind)} ([message]({source.Link})).\n"
            + string.Join("\n", TimelineView.Figures(updated.TimelineFigures)),
            cancellationToken: cancellationToken);
    }
}
