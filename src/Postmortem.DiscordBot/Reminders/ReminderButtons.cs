using Postmortem.DiscordBot.Interactions;
using Postmortem.Reminders.Interactions;

namespace Postmortem.DiscordBot.Reminders;

/// <summary>
/// The buttons and modals of reminder messages ("rem:…"): Done, Snooze 1/3/7 days, Not doing, and the pages of
/// /actions lists. The ids carry only postmortem and item ids, so reminders sent before a restart keep working.
/// Done and Not doing change the postmortem through <see cref="PostmortemCommandRunner"/>, which refreshes its
/// dashboard as every other change from Discord does.
/// </summary>
public sealed class ReminderButtons(ReminderInteractions interactions, PostmortemCommandRunner runner) : IComponentHandler, IModalHandler
{
    public IReadOnlyCollection<string> Prefixes { get; } = [ReminderCustomIds.Prefix.TrimEnd(':')];

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = await interactions.HandleAsync(
            context.Interaction,
            (id, command, _, ct) => runner.ExecuteAsync(context, id, command, ct),
            cancellationToken);
        await context.RespondAsync(response, cancellationToken);
    }
}
