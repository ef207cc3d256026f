using Postmortem.Core.Application;
using Postmortem.Core.Guilds;
using Postmortem.Core.Pictures;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Timeline;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Pictures;

namespace Postmortem.DiscordBot.Timeline;

/// <summary>
/// <c>/postmortem timeline add|show|edit|remove</c>. Times are typed and shown in the guild's zone (ISO 8601 with an
/// offset works too) and stored as UTC instants; entries are picked by autocomplete. The listing is private and
/// paged (<c>timeline:{postmortem}:{page}</c>) unless asked for publicly; <c>chart:true</c> attaches the timeline chart.
/// </summary>
public sealed class TimelineCommand(
    PostmortemAccess access,
    PostmortemCommandRunner runner,
    IGuildSettingsStore settingsStore,
    IPostmortemPictures pictures,
    TimeProvider time) : SlashCommandHandler, IComponentHandler
{
    public const string WhenOption = "when";
    public const string KindOption = "kind";
    public const string WhatOption = "what";
    public const string EntryOption = "entry";
    public const string PublicOption = "public";
    public const string ChartOption = "chart";

    private const string NoSuchEntry = "That timeline entry does not exist (any more); pick one from the suggestions.";

    public override ApplicationCommandOption Definition { get; } = new()
    {
        Type = ApplicationCommandOptionType.SubCommandGroup,
        Name = "timeline",
        Description = "The incident's timeline",
        Options =
        [
            PostmortemCommand.Subcommand(
                "add",
                "Add an entry",
                When(required: true),
                Kind(required: true),
                What(required: true),
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "show",
                "The timeline in order, with time to detect and mitigate",
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Boolean, Name = PublicOption, Description = "Post it for everyone" },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Boolean, Name = ChartOption, Description = "Attach it as a chart: a time axis with time to detect and mitigate" },
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "edit", "Change an entry", Entry(), When(required: false), Kind(required: false), What(required: false), PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand("remove", "Remove an entry", Entry(), PostmortemCommand.PostmortemIdOption),
        ],
    };

    public IReadOnlyCollection<string> Prefixes { get; } = [TimelineView.Prefix];

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var zone = (await settingsStore.GetAsync(postmortem.GuildId, cancellationToken)).TimeZone;
        await (context.Data.GetSubcommand() switch
        {
            "add" => AddAsync(context, postmortem, zone, cancellationToken),
            "show" => ShowAsync(context, postmortem, zone, cancellationToken),
            "edit" => EditAsync(context, postmortem, zone, cancellationToken),
            _ => RemoveAsync(context, postmortem, zone, cancellationToken),
        });
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        SuggestForPostmortemAsync(access, context, focused, SuggestEntriesAsync, cancellationToken);

    // Only the entry option autocompletes besides the shared id option, so the option name needs no look.
    private async Task<IEnumerable<ApplicationCommandChoice>> SuggestEntriesAsync(
        Core.Postmortem postmortem, string option, string? typed, CancellationToken cancellationToken)
    {
        var zone = (await settingsStore.GetAsync(postmortem.GuildId, cancellationToken)).TimeZone;
        var text = typed?.Trim() ?? "";
        return postmortem.TimelineInOrder
            .Select(e => TimelineView.Choice(e, zone))
            .Where(c => text.Length == 0 || c.Name.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>timeline:{postmortem}:{page}: another page of the private listing.</summary>
    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (await access.LoadAsync(context, customId, requireThread: false, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var zone = (await settingsStore.GetAsync(postmortem.GuildId, cancellationToken)).TimeZone;
        var page = customId.TryGetInt(1, out var requested) ? requested : 0;
        await TextPages.ShowAsync(context, TextPages.Page(TimelineView.Prefix, postmortem.Id, TimelineView.Pages(postmortem, zone), page), cancellationToken);
    }

    private async Task AddAsync(InteractionContext context, Core.Postmortem postmortem, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (!TimelineTimes.TryParse(context.Data.GetString(WhenOption), zone, time.GetUtcNow(), out var at, out var error))
        {
            await context.FailAsync(error + " Nothing was changed.", cancellationToken);
            return;
        }

        if (!TimelineKinds.TryParse(context.Data.GetString(KindOption), out var kind))
        {
            await context.FailAsync("Pick a kind from the list. Nothing was changed.", cancellationToken);
            return;
        }

        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AddTimelineEntry(at, context.Data.GetString(WhatOption) ?? "", kind), cancellationToken);
        await ReplyAsync(context, outcome, $"Added to the timeline: `{TimelineView.Local(at, zone)}` {TimelineKinds.Describe(kind)}.", cancellationToken);
    }

    private async Task ShowAsync(InteractionContext context, Core.Postmortem postmortem, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var isPublic = context.Data.GetBoolean(PublicOption) == true;
        var pages = isPublic
            ? TextPages.Paginate(TimelineView.Lines(postmortem, zone), DiscordLimits.MessageContent)
            : TimelineView.Pages(postmortem, zone);
        var first = isPublic ? new MessagePayload { Content = pages[0] } : TextPages.Page(TimelineView.Prefix, postmortem.Id, pages, 0);
        if (context.Data.GetBoolean(ChartOption) == true)
        {
            await PictureUploads.ReplyAsync(context, ephemeral: !isPublic, () => pictures.Timeline(postmortem, zone) is { } chart ? [chart] : [], _ => first, cancellationToken);
        }
        else
        {
            await context.ReplyAsync(first, cancellationToken);
        }

        // Asked for publicly: the whole listing, over as many messages as it takes.
        foreach (var piece in isPublic ? pages.Skip(1) : [])
        {
            await context.FollowupAsync(new MessagePayload { Content = piece }, cancellationToken);
        }
    }

    private async Task EditAsync(InteractionContext context, Core.Postmortem postmortem, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (FindEntry(context, postmortem) is not { } entry)
        {
            await context.FailAsync(NoSuchEntry, cancellationToken);
            return;
        }

        var at = entry.At;
        if (context.Data.GetString(WhenOption) is { Length: > 0 } when && !TimelineTimes.TryParse(when, zone, time.GetUtcNow(), out at, out var error))
        {
            await context.FailAsync(error + " Nothing was changed.", cancellationToken);
            return;
        }

        var kind = entry.Kind;
        if (context.Data.GetString(KindOption) is { Length: > 0 } kindText && !TimelineKinds.TryParse(kindText, out kind))
        {
            await context.FailAsync("Pick a kind from the list. Nothing was changed.", cancellationToken);
            return;
        }

        var text = context.Data.GetString(WhatOption) is { Length: > 0 } what ? what : entry.Text;
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new EditTimelineEntry(entry.Id, at, text, kind), cancellationToken);
        await ReplyAsync(context, outcome, $"Changed the entry: `{TimelineView.Local(at, zone)}` {TimelineKinds.Describe(kind)}.", cancellationToken);
    }

    private async Task RemoveAsync(InteractionContext context, Core.Postmortem postmortem, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (FindEntry(context, postmortem) is not { } entry)
        {
            await context.FailAsync(NoSuchEntry, cancellationToken);
            return;
        }

        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new RemoveTimelineEntry(entry.Id), cancellationToken);
        await ReplyAsync(context, outcome, $"Removed the entry of `{TimelineView.Local(entry.At, zone)}` ({TimelineKinds.Name(entry.Kind)}).", cancellationToken);
    }

    private static TimelineEntry? FindEntry(InteractionContext context, Core.Postmortem postmortem) =>
        context.Data.GetInt64(EntryOption) is { } id and > 0 and <= int.MaxValue ? postmortem.FindTimelineEntry((int)id) : null;

    // Privately: what was done and the figures as they now stand, or why nothing was.
    private static Task ReplyAsync(InteractionContext context, CommandOutcome outcome, string done, CancellationToken cancellationToken) =>
        outcome is { Succeeded: true, Postmortem: { } updated }
            ? context.ReplyEphemeralAsync(done + "\n" + string.Join("\n", TimelineView.Figures(updated.TimelineFigures)), cancellationToken: cancellationToken)
            : context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken);

    private static ApplicationCommandOption When(bool required) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = WhenOption,
        Description = "2026-05-06 14:30 or 14:30 (server zone), or ISO 8601",
        Required = required ? true : null,
        MaxLength = 40,
    };

    private static ApplicationCommandOption Kind(bool required) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = KindOption,
        Description = "What kind of moment",
        Required = required ? true : null,
        Choices = TimelineKinds.Choices,
    };

    private static ApplicationCommandOption What(bool required) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = WhatOption,
        Description = "What happened",
        Required = required ? true : null,
        MinLength = 1,
        MaxLength = Limits.MaxTextLength,
    };

    private static ApplicationCommandOption Entry() => new()
    {
        Type = ApplicationCommandOptionType.Integer,
        Name = EntryOption,
        Description = "Which entry",
        Required = true,
        Autocomplete = true,
        MinValue = 1,
    };
}
