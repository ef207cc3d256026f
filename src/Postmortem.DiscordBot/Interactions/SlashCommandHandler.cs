using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;

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

    /// <summary>
    /// The usual autocomplete of a postmortem-scoped command: the shared <c>id</c> option suggests postmortems; any
    /// other option gets <paramref name="suggest"/>(postmortem, option name, what was typed) for the postmortem the
    /// command would act on, or no choices when there is none.
    /// </summary>
    protected static Task SuggestForPostmortemAsync(
        PostmortemAccess access,
        InteractionContext context,
        InteractionOption focused,
        Func<Core.Postmortem, string, string?, IEnumerable<ApplicationCommandChoice>> suggest,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggest);
        return SuggestForPostmortemAsync(
            access, context, focused, (postmortem, option, typed, _) => Task.FromResult(suggest(postmortem, option, typed)), cancellationToken);
    }

    /// <inheritdoc cref="SuggestForPostmortemAsync(PostmortemAccess, InteractionContext, InteractionOption, Func{Core.Postmortem, string, string?, IEnumerable{ApplicationCommandChoice}}, CancellationToken)"/>
    protected static async Task SuggestForPostmortemAsync(
        PostmortemAccess access,
        InteractionContext context,
        InteractionOption focused,
        Func<Core.Postmortem, string, string?, CancellationToken, Task<IEnumerable<ApplicationCommandChoice>>> suggest,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(focused);
        ArgumentNullException.ThrowIfNull(suggest);
        if (focused.Name == PostmortemCommand.IdOption)
        {
            await access.SuggestAsync(context, focused, cancellationToken);
            return;
        }

        var postmortem = await access.FindQuietlyAsync(context, cancellationToken);
        await context.SuggestAsync(
            postmortem is null ? [] : await suggest(postmortem, focused.Name, focused.Value?.ToString(), cancellationToken),
            cancellationToken);
    }
}
