using Postmortem.Core.Application;
using Postmortem.Core.Linting;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Commands;

/// <summary><c>/postmortem status [id]</c>: progress and the linter's findings with fixes, privately, paged.</summary>
public sealed class StatusCommand(PostmortemAccess access, PostmortemService service, LintOptions lintOptions)
    : SlashCommandHandler, IComponentHandler
{
    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "status", "Progress and what still needs work, with how to fix each finding", PostmortemCommand.PostmortemIdOption);

    public IReadOnlyCollection<string> Prefixes { get; } = [StatusView.Prefix];

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var pages = StatusView.Pages(postmortem, service.TemplateFor(postmortem), lintOptions);
        await context.ReplyAsync(StatusView.Page(postmortem, pages, 0), cancellationToken);
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        access.SuggestAsync(context, focused, cancellationToken);

    /// <summary>status:{postmortem}:{page}: another page of the same (ephemeral) status message.</summary>
    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (await access.LoadAsync(context, customId, requireThread: false, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var pages = StatusView.Pages(postmortem, service.TemplateFor(postmortem), lintOptions);
        var page = customId.TryGetInt(1, out var requested) ? requested : 0;
        await context.UpdateMessageAsync(StatusView.Page(postmortem, pages, page) with { Flags = null }, cancellationToken);
    }
}
