using Postmortem.DiscordBot.Interactions;
using Postmortem.Reminders.Interactions;

namespace Postmortem.DiscordBot.Reminders;

/// <summary>
/// The buttons and modals of reminder messages ("rem:…"): Done, Snooze 1/3/7 days, Not doing, and the pages of
/// /actions lists. The ids carry only postmortem and item ids, so reminders sent before a restart keep working.
/// </summary>
public sealed class ReminderButtons(ReminderInteractions interactions) : IComponentHandler, IModalHandler
{
    public IReadOnlyCollection<string> Prefixes { get; } = [ReminderCustomIds.Prefix.TrimEnd(':')];

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = await interactions.HandleAsync(context.Interaction, cancellationToken);
        await context.RespondAsync(response, cancellationToken);
    }
}
