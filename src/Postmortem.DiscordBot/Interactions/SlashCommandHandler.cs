using Postmortem.Discord.Models;

namespace Postmortem.DiscordBot.Interactions;

/// <summary>A convenient base for <see cref="ISlashCommandHandler"/>: no autocomplete unless overridden.</summary>
public abstract class SlashCommandHandler : ISlashCommandHandler
{
    public virtual string Command => Commands.PostmortemCommand.Name;

    public abstract ApplicationCommandOption Definition { get; }

    public abstract Task HandleAsync(InteractionContext context, CancellationToken cancellationToken);

    public virtual Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SuggestAsync([], cancellationToken);
    }
}
