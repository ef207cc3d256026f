using Postmortem.Core.Guilds;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>
/// <c>/postmortem actions [id]</c>: lessons → corrective actions → action items with owners, due dates and status,
/// privately and paged (<c>actions:{postmortem}:{page}</c>, rebuilt from the stored postmortem on every click).
/// </summary>
public sealed class ActionsOverviewCommand(PostmortemAccess access, IGuildSettingsStore settingsStore, TimeProvider time)
    : SlashCommandHandler, IComponentHandler
{
    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "actions", "Lessons, corrective actions and action items with owners and dates", PostmortemCommand.PostmortemIdOption);

    public IReadOnlyCollection<string> Prefixes { get; } = [ActionsView.Prefix];

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        await context.ReplyAsync(await PageAsync(postmortem, 0, cancellationToken), cancellationToken);
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        access.SuggestAsync(context, focused, cancellationToken);

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (await access.LoadAsync(context, customId, requireThread: false, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var page = customId.TryGetInt(1, out var requested) ? requested : 0;
        await TextPages.ShowAsync(context, await PageAsync(postmortem, page, cancellationToken), cancellationToken);
    }

    private async Task<MessagePayload> PageAsync(Core.Postmortem postmortem, int page, CancellationToken cancellationToken)
    {
        var zone = (await settingsStore.GetAsync(postmortem.GuildId, cancellationToken)).TimeZone;
        return TextPages.Page(ActionsView.Prefix, postmortem.Id, ActionsView.Pages(postmortem, zone, time.GetUtcNow()), page);
    }
}
