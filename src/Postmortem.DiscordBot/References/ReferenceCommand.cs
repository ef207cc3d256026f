using Postmortem.Core.Postmortems;
using Postmortem.Core.References;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.References;

/// <summary>
/// <c>/postmortem reference add|edit|remove|list</c>: the issues, pull requests and announcements the document
/// cites (its References section). The engine checks the link (http or https) and the lengths.
/// </summary>
public sealed class ReferenceCommand(PostmortemAccess access, PostmortemCommandRunner runner) : SlashCommandHandler
{
    public const string UrlOption = "url";
    public const string TitleOption = "title";
    public const string ReferenceOption = "reference";

    private static readonly ApplicationCommandOption _which = new()
    {
        Type = ApplicationCommandOptionType.Integer,
        Name = ReferenceOption,
        Description = "Which one",
        Required = true,
        Autocomplete = true,
        MinValue = 1,
    };

    public override ApplicationCommandOption Definition { get; } = new()
    {
        Type = ApplicationCommandOptionType.SubCommandGroup,
        Name = "reference",
        Description = "Issues, pull requests and announcements the postmortem cites",
        Options =
        [
            PostmortemCommand.Subcommand("add", "Cite a link", Url(), Title(), PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand("edit", "Change a reference's link and title", _which, Url(), Title(), PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand("remove", "Remove a reference", _which, PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand("list", "Show the references", PostmortemCommand.PostmortemIdOption),
        ],
    };

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var url = context.Data.GetString(UrlOption) ?? "";
        var title = context.Data.GetString(TitleOption) ?? "";
        switch (context.Data.GetSubcommand())
        {
            case "add":
                await RunAsync(context, postmortem, new AddReference(url, title), "Added", cancellationToken);
                break;
            case "edit" when Find(context, postmortem) is { } reference:
                await RunAsync(context, postmortem, new EditReference(reference.Id, url, title), "Changed", cancellationToken);
                break;
            case "remove" when Find(context, postmortem) is { } reference:
                var removed = await runner.ExecuteAsync(context, postmortem.Id, new RemoveReference(reference.Id), cancellationToken);
                await (removed.Succeeded
                    ? context.ReplyEphemeralAsync($"Removed {ReferencesView.Describe(reference)}.", cancellationToken: cancellationToken)
                    : context.FailAsync(removed.Result.Message ?? "Nothing was changed.", cancellationToken));
                break;
            case "list":
                var pages = TextPages.Paginate(ReferencesView.Lines(postmortem));
                var more = pages.Count > 1 ? "\n-# …and more: `/postmortem export` lists them all." : "";
                await context.ReplyEphemeralAsync(pages[0] + more, cancellationToken: cancellationToken);
                break;
            default:
                await context.FailAsync("That reference does not exist (any more); pick one from the suggestions.", cancellationToken);
                break;
        }
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        SuggestForPostmortemAsync(access, context, focused, static (postmortem, _, typed) =>
            postmortem.References.Select(ReferencesView.Choice).Where(c => c.Name.Contains(typed?.Trim() ?? "", StringComparison.OrdinalIgnoreCase)),
            cancellationToken);

    private static Reference? Find(InteractionContext context, Core.Postmortem postmortem) =>
        context.Data.GetInt64(ReferenceOption) is { } raw and > 0 and <= int.MaxValue ? postmortem.FindReference((int)raw) : null;

    private async Task RunAsync(InteractionContext context, Core.Postmortem postmortem, Core.Commands.PostmortemCommand command, string verb, CancellationToken cancellationToken)
    {
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, command, cancellationToken);
        await (outcome is { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } id } && updated.FindReference(id) is { } reference
            ? context.ReplyEphemeralAsync($"{verb} {ReferencesView.Describe(reference)}. The export lists it under References.", cancellationToken: cancellationToken)
            : context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken));
    }

    private static ApplicationCommandOption Url() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = UrlOption,
        Description = "The http(s) link",
        Required = true,
        MaxLength = Limits.MaxUrlLength,
    };

    private static ApplicationCommandOption Title() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = TitleOption,
        Description = "What it is, e.g. \"Issue #84970: ICE with fingerprints\"",
        Required = true,
        MaxLength = Limits.MaxReferenceTitleLength,
    };
}
