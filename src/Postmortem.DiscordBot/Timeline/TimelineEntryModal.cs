using Postmortem.Core.Guilds;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.Core.Timeline;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Timeline;

/// <summary>
/// Add entry on the Timeline prompt (<c>timeline-add:{postmortem}</c>): a modal with when, what kind and what
/// happened. On submit the prompt is redrawn with the new count and what is still missing, and the author privately
/// sees the entry as stored, in the guild's zone.
/// </summary>
public sealed class TimelineEntryModal(
    PostmortemAccess access,
    PostmortemCommandRunner runner,
    PromptView prompts,
    Core.Application.PostmortemService service,
    IGuildSettingsStore settingsStore,
    TimeProvider time) : IComponentHandler, IModalHandler
{
    public const string Prefix = "timeline-add";
    public const string WhenField = "when";
    public const string KindField = "kind";
    public const string WhatField = "what";

    public IReadOnlyCollection<string> Prefixes { get; } = [Prefix];

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (await access.LoadAsync(context, customId, requireThread: true, cancellationToken) is not { } postmortem)
        {
            return;
        }

        if (postmortem.IsReadOnly)
        {
            await context.FailAsync(Core.Commands.UserError.ReadOnly().Message, cancellationToken);
            return;
        }

        var zone = (await settingsStore.GetAsync(postmortem.GuildId, cancellationToken)).TimeZone;
        if (context.Interaction.Type == InteractionType.MessageComponent)
        {
            await context.ShowModalAsync(Build(postmortem.Id, zone), cancellationToken);
            return;
        }

        await SubmitAsync(context, postmortem, zone, cancellationToken);
    }

    /// <summary>The modal; <paramref name="when"/> (in <paramref name="zone"/>) and <paramref name="what"/> prefill it, e.g. from a message.</summary>
    public static ModalData Build(PostmortemId postmortemId, TimeZoneInfo zone, string? when = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new ModalData(
            CustomId.For(Prefix, postmortemId),
            "Add a timeline entry",
            [
                new Label(
                    "When",
                    new TextInput { CustomId = WhenField, Style = TextInputStyle.Short, MinLength = 4, MaxLength = 40, Required = true, Placeholder = "2026-05-06 14:30, or 14:30 for today", Value = when })
                {
                    Description = DiscordMarkdown.Truncate($"In {zone.Id} unless you add Z or an offset like +02:00.", DiscordLimits.LabelDescription),
                },
                new Label("What kind of moment", new StringSelect { CustomId = KindField, Options = TimelineKinds.Options, MinValues = 1, MaxValues = 1, Required = true }),
                new Label("What happened", new TextInput { CustomId = WhatField, Style = TextInputStyle.Paragraph, MinLength = 1, MaxLength = Limits.MaxTextLength, Required = true, Value = string.IsNullOrWhiteSpace(what) ? null : DiscordMarkdown.Truncate(what, Limits.MaxTextLength) }),
            ]);
    }

    private async Task SubmitAsync(InteractionContext context, Core.Postmortem postmortem, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var fields = context.Data.GetModalFields();
        if (!TimelineTimes.TryParse(fields.GetValueOrDefault(WhenField)?.Value, zone, time.GetUtcNow(), out var at, out var error))
        {
            await context.FailAsync(error + " Nothing was changed.", cancellationToken);
            return;
        }

        if (!TimelineKinds.TryParse(fields.GetValueOrDefault(KindField)?.Values is [var chosen, ..] ? chosen : null, out var kind))
        {
            await context.FailAsync("Pick what kind of moment it was. Nothing was changed.", cancellationToken);
            return;
        }

        var what = fields.GetValueOrDefault(WhatField)?.Value ?? "";
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AddTimelineEntry(at, what, kind), cancellationToken);
        if (outcome is not { Succeeded: true, Postmortem: { } updated })
        {
            await context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken);
            return;
        }

        var done = $"Added to the timeline: `{TimelineView.Local(at, zone)}` {TimelineKinds.Describe(kind)}.\n"
            + string.Join("\n", TimelineView.Figures(updated.TimelineFigures));
        var template = service.TemplateFor(updated);
        if (context.Interaction.Message is { } source && !source.Flags.HasFlag(MessageFlags.Ephemeral)
            && template.FirstOfKind(SectionKind.Timeline) is { } section && TemplateItems.Of(template).Find(section.Key) is { } item)
        {
            await context.UpdateMessageAsync(prompts.Render(updated, template, item), cancellationToken);
            context.AfterResponse(ct => context.FollowupEphemeralAsync(done, cancellationToken: ct));
            return;
        }

        await context.ReplyEphemeralAsync(done, cancellationToken: cancellationToken);
    }
}
