using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.Reminders.Interactions;

namespace Postmortem.DiscordBot.Reminders;

/// <summary><c>/actions mine</c>: the invoking member's open action items (ephemeral, paginated).</summary>
public sealed class ActionsMineCommand(ActionsCommand actions) : SlashCommandHandler
{
    public override string Command => ActionsCommand.Name;

    public override ApplicationCommandOption Definition { get; } =
        ActionsCommand.Definition.Options!.Single(o => o.Name == ActionsCommand.Mine);

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.RespondAsync(await actions.HandleAsync(context.Interaction, cancellationToken), cancellationToken);
    }
}

/// <summary><c>/actions overdue</c>: every overdue action item of the server (ephemeral, paginated).</summary>
public sealed class ActionsOverdueCommand(ActionsCommand actions) : SlashCommandHandler
{
    public override string Command => ActionsCommand.Name;

    public override ApplicationCommandOption Definition { get; } =
        ActionsCommand.Definition.Options!.Single(o => o.Name == ActionsCommand.Overdue);

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.RespondAsync(await actions.HandleAsync(context.Interaction, cancellationToken), cancellationToken);
    }
}
