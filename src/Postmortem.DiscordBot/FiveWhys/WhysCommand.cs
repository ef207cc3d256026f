using Postmortem.Core.Pictures;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Pictures;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// <c>/postmortem whys [id]</c>: the Five Whys tree, privately, paged (<c>whys:{postmortem}:{page}</c>; pages are
/// rebuilt from the stored postmortem on every click); <c>picture:true</c> attaches the tree as pictures.
/// </summary>
public sealed class WhysCommand(PostmortemAccess access, IPostmortemPictures pictures) : SlashCommandHandler, IComponentHandler
{
    public const string PictureOption = "picture";

    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "whys",
        "The Five Whys tree: unanswered whys first, root causes marked",
        new ApplicationCommandOption { Type = ApplicationCommandOptionType.Boolean, Name = PictureOption, Description = "Attach the tree as a picture (one per top-level why when large)" },
        PostmortemCommand.PostmortemIdOption);

    public IReadOnlyCollection<string> Prefixes { get; } = [WhysView.Prefix];

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var page = TextPages.Page(WhysView.Prefix, postmortem.Id, WhysView.Pages(postmortem), 0);
        await (context.Data.GetBoolean(PictureOption) == true
            ? PictureUploads.ReplyAsync(context, ephemeral: true, () => pictures.Whys(postmortem, PictureUploads.MaxPerMessage), _ => page, cancellationToken)
            : context.ReplyAsync(page, cancellationToken));
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
        await TextPages.ShowAsync(context, TextPages.Page(WhysView.Prefix, postmortem.Id, WhysView.Pages(postmortem), page), cancellationToken);
    }
}
