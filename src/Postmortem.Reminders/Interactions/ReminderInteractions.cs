using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;
using Postmortem.Discord.Models;
using Postmortem.Reminders.Scheduling;
using Postmortem.Reminders.Settings;

namespace Postmortem.Reminders.Interactions;

/// <summary>
/// The reminder buttons and modals: Done (a modal with an optional evidence link), Snooze 1/3/7 days, Not doing
/// (a modal with a required reason). Only the item's owner or the postmortem's facilitator may act, and in a
/// guild only on that guild's postmortems. Every answer is ephemeral; the reminder itself stays as it was, so
/// its buttons keep working (they carry ids only).
/// </summary>
public sealed class ReminderInteractions(
    PostmortemService service,
    IReminderScheduleStore schedule,
    ReminderScheduleSync sync,
    GuildReminderSettings settings,
    ActionsCommand actions,
    TimeProvider time)
{
    public const int MaxEvidenceLength = 500;

    /// <summary>True for the custom ids this class answers (prefix "rem:").</summary>
    public static bool Handles(string? customId) => customId?.StartsWith(ReminderCustomIds.Prefix, StringComparison.Ordinal) == true;

    /// <summary>Answers a component click or modal submit whose custom id starts with "rem:", changing postmortems directly.</summary>
    public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken = default) =>
        HandleAsync(interaction, service.ExecuteAsync, cancellationToken);

    /// <summary>Answers a component click or modal submit whose custom id starts with "rem:"; <paramref name="execute"/> makes the changes.</summary>
    public async Task<InteractionResponse> HandleAsync(Interaction interaction, ReminderCommandExecutor execute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(execute);
        if (!ReminderCustomIds.TryParse(interaction.Data?.CustomId, out var action) || interaction.User is not { } user)
        {
            return Reply("This button is not valid any more.");
        }

        if (action.Verb == ReminderCustomIds.Page)
        {
            return await actions.PageAsync(interaction, action.List ?? "", action.Number, cancellationToken);
        }

        var actor = new UserRef(user.Id.ToString(), user.DisplayName);
        var postmortem = await service.GetAsync(action.PostmortemId, cancellationToken);
        var item = postmortem?.FindActionItem(action.ItemId);
        if (postmortem is null || item is null || postmortem.IsHidden(item)
            || (interaction.GuildId is { } guild && !postmortem.BelongsTo(guild.ToString())))
        {
            return Reply("That action item does not exist (any more).");
        }

        if (!actor.IsSamePerson(item.Owner) && !postmortem.IsFacilitator(actor))
        {
            return Reply($"Only the owner of action item {item.Label} or the facilitator can do that.");
        }

        return action.Verb switch
        {
            ReminderCustomIds.Done => item.Status == ActionItemStatus.Open ? DoneModal(postmortem, item) : AlreadyClosed(item),
            ReminderCustomIds.Drop => item.Status == ActionItemStatus.Open ? DropModal(postmortem, item) : AlreadyClosed(item),
            ReminderCustomIds.Snooze => await SnoozeAsync(postmortem, item, action.Number, cancellationToken),
            ReminderCustomIds.DoneModal => await CompleteAsync(interaction, execute, postmortem, item, actor, cancellationToken),
            ReminderCustomIds.DropModal => await DropAsync(interaction, execute, postmortem, item, actor, cancellationToken),
            _ => Reply("This button is not valid any more."),
        };
    }

    private static InteractionResponse DoneModal(Core.Postmortem postmortem, ActionItem item) => InteractionResponse.Modal(new ModalData(
        ReminderCustomIds.ForDoneModal(postmortem.Id, item.Id),
        Title($"Action item {item.Label} is done"),
        [
            new TextDisplay(Delivery.ReminderContent.Clip(item.Text, 1000)),
            new Label("Evidence (optional)", new TextInput
            {
                CustomId = ReminderCustomIds.EvidenceField,
                Style = TextInputStyle.Short,
                Required = false,
                MaxLength = MaxEvidenceLength,
                Placeholder = "A link to the PR, document or ticket",
            }),
        ]));

    private static InteractionResponse DropModal(Core.Postmortem postmortem, ActionItem item) => InteractionResponse.Modal(new ModalData(
        ReminderCustomIds.ForDropModal(postmortem.Id, item.Id),
        Title($"Not doing action item {item.Label}"),
        [
            new TextDisplay(Delivery.ReminderContent.Clip(item.Text, 1000)),
            new Label("Why not?", new TextInput
            {
                CustomId = ReminderCustomIds.ReasonField,
                Style = TextInputStyle.Paragraph,
                Required = true,
                MaxLength = Limits.MaxReasonLength,
                Placeholder = "The export shows this reason next to the item.",
            }),
        ]));

    private async Task<InteractionResponse> SnoozeAsync(Core.Postmortem postmortem, ActionItem item, int days, CancellationToken cancellationToken)
    {
        if (item.Status != ActionItemStatus.Open)
        {
            return AlreadyClosed(item);
        }

        await sync.SyncAsync(cancellationToken);
        var key = new ReminderKey(postmortem.Id, item.Id);
        var row = await schedule.GetAsync(key, cancellationToken);
        if (row is null)
        {
            return Reply($"Action item {item.Label} has no reminders (it needs an owner and a due date).");
        }

        await settings.LoadAsync(cancellationToken);
        var rules = settings.For(row.GuildId);
        var until = ReminderPolicy.SnoozeUntil(time.GetUtcNow(), days, rules);
        var next = ReminderPolicy.Next(row.Track with { SnoozedUntil = until }, rules);
        await schedule.SnoozeAsync(key, until, next?.At, cancellationToken);
        var local = TimeZoneInfo.ConvertTime(until, rules.TimeZone);
        return Reply($"Snoozed: the next reminder for {item.Label} comes on {local:dddd d MMMM 'at' HH:mm} ({rules.TimeZone.Id}).");
    }

    private async Task<InteractionResponse> CompleteAsync(
        Interaction interaction, ReminderCommandExecutor execute, Core.Postmortem postmortem, ActionItem item, UserRef actor, CancellationToken cancellationToken)
    {
        var evidence = interaction.Data?.GetModalValue(ReminderCustomIds.EvidenceField)?.Trim();
        if (string.IsNullOrEmpty(evidence))
        {
            evidence = null;
        }
        else if (!Uri.TryCreate(evidence, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            return Reply("The evidence must be a link (https://...). Nothing was changed; press Done again.");
        }

        var outcome = await execute(postmortem.Id, new CompleteActionItem(item.Id, evidence), actor, cancellationToken);
        return await AfterAsync(outcome, $"Action item {item.Label} is done. Thank you! No more reminders for it.", cancellationToken);
    }

    private async Task<InteractionResponse> DropAsync(
        Interaction interaction, ReminderCommandExecutor execute, Core.Postmortem postmortem, ActionItem item, UserRef actor, CancellationToken cancellationToken)
    {
        var reason = interaction.Data?.GetModalValue(ReminderCustomIds.ReasonField) ?? "";
        var outcome = await execute(postmortem.Id, new DropActionItem(item.Id, reason), actor, cancellationToken);
        return await AfterAsync(outcome, $"Action item {item.Label} is marked as not doing; the export shows your reason. No more reminders for it.", cancellationToken);
    }

    private async Task<InteractionResponse> AfterAsync(CommandOutcome outcome, string success, CancellationToken cancellationToken)
    {
        if (outcome.Result.Error is { } error)
        {
            return Reply(error.Message);
        }

        // Fold the change into the schedule now rather than at the next sync.
        await sync.SyncAsync(cancellationToken);
        return Reply(success);
    }

    private static InteractionResponse AlreadyClosed(ActionItem item) =>
        Reply($"Action item {item.Label} is already {(item.Status == ActionItemStatus.Done ? "done" : "dropped")}.");

    private static string Title(string text) => Delivery.ReminderContent.Clip(text, 45);

    internal static InteractionResponse Reply(string text) =>
        InteractionResponse.Message(new MessagePayload { Content = text, Flags = MessageFlags.Ephemeral, AllowedMentions = AllowedMentions.None });
}
