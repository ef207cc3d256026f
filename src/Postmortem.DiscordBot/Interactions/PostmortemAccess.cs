using System.Globalization;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Interactions;

/// <summary>
/// Guild isolation in one place: every handler loads its postmortem through here, which answers "not found here"
/// (the same words whether it is missing or belongs to another guild) and returns null unless the postmortem
/// belongs to the interaction's guild, and, for thread-bound components, to the thread it was used in.
/// </summary>
public sealed class PostmortemAccess(
    PostmortemService service, IPostmortemRepository repository, IEnumerable<IPostmortemChannels> otherChannels)
{
    private readonly IPostmortemChannels[] _otherChannels = [.. otherChannels];

    public const string OnlyInServers = "Postmortems live in servers; use this command in one.";

    public const string NoPostmortemHere =
        "There is no postmortem in this channel: run this inside a postmortem's thread, or pick one with the `id` option.";

    public static string NotFoundHere(PostmortemId id) => $"Postmortem #{id} was not found here.";

    /// <summary>Loads the postmortem named by a postmortem-scoped custom id (its first argument).</summary>
    public Task<Core.Postmortem?> LoadAsync(InteractionContext context, CustomId customId, bool requireThread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (!customId.TryGetPostmortemId(out var id))
        {
            return Fail(context, InteractionRouter.UnknownComponentMessage, cancellationToken);
        }

        return LoadAsync(context, id, requireThread, cancellationToken);
    }

    public async Task<Core.Postmortem?> LoadAsync(InteractionContext context, PostmortemId id, bool requireThread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GuildId is not { } guildId)
        {
            return await Fail(context, OnlyInServers, cancellationToken);
        }

        var postmortem = await service.GetAsync(id, cancellationToken);
        if (postmortem is null || !postmortem.BelongsTo(guildId)
            || (requireThread && !string.Equals(postmortem.ThreadId, context.ChannelId.ToString(), StringComparison.Ordinal)))
        {
            return await Fail(context, NotFoundHere(id), cancellationToken);
        }

        return postmortem;
    }

    /// <summary>For commands: the postmortem the <c>id</c> option names, else the one whose thread this is.</summary>
    public async Task<Core.Postmortem?> ResolveForCommandAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GuildId is not { } guildId)
        {
            return await Fail(context, OnlyInServers, cancellationToken);
        }

        if (context.Data.GetInt64(PostmortemCommand.IdOption) is { } raw)
        {
            return raw > 0
                ? await LoadAsync(context, new PostmortemId(raw), requireThread: false, cancellationToken)
                : await Fail(context, NotFoundHere(new PostmortemId(raw)), cancellationToken);
        }

        var inThread = context.IsInThread ? await FindByThreadAsync(context.ChannelId.ToString(), cancellationToken) : null;
        return inThread is not null && inThread.BelongsTo(guildId)
            ? inThread
            : await Fail(context, NoPostmortemHere, cancellationToken);
    }

    /// <summary>
    /// For autocomplete, which can only answer with choices: the postmortem a command would act on (the <c>id</c>
    /// option, else the thread), or null without answering anything.
    /// </summary>
    public async Task<Core.Postmortem?> FindQuietlyAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GuildId is not { } guildId)
        {
            return null;
        }

        var found = context.Data.GetInt64(PostmortemCommand.IdOption) is { } raw
            ? raw > 0 ? await service.GetAsync(new PostmortemId(raw), cancellationToken) : null
            : context.IsInThread ? await FindByThreadAsync(context.ChannelId.ToString(), cancellationToken) : null;
        return found is not null && found.BelongsTo(guildId) ? found : null;
    }

    /// <summary>Autocomplete for the <c>id</c> option: this guild's postmortems whose title contains what was typed.</summary>
    public async Task SuggestAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(focused);
        if (context.GuildId is not { } guildId)
        {
            await context.SuggestAsync([], cancellationToken);
            return;
        }

        var typed = focused.Value?.ToString().Trim() ?? "";
        var byNumber = long.TryParse(typed.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        var found = await repository.ListAsync(guildId, byNumber || typed.Length == 0 ? null : typed, DiscordLimits.AutocompleteChoices, cancellationToken);
        var choices = found
            .Where(s => !byNumber || s.Id.ToString().StartsWith(typed.TrimStart('#'), StringComparison.Ordinal))
            .Select(s => ApplicationCommandChoice.Create(
                DiscordMarkdown.Truncate($"#{s.Id} {s.Title} ({StatusText.Of(s.Status)})", DiscordLimits.ChoiceName),
                s.Id.Value));
        await context.SuggestAsync(choices, cancellationToken);
    }

    // The postmortem's own thread, else a thread a feature opened for it (e.g. its Five Whys thread).
    private async Task<Core.Postmortem?> FindByThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        if (await repository.FindByThreadAsync(threadId, cancellationToken) is { } postmortem)
        {
            return postmortem;
        }

        foreach (var channels in _otherChannels)
        {
            if (await channels.FindPostmortemAsync(threadId, cancellationToken) is { } id)
            {
                return await service.GetAsync(id, cancellationToken);
            }
        }

        return null;
    }

    private static async Task<Core.Postmortem?> Fail(InteractionContext context, string message, CancellationToken cancellationToken)
    {
        await context.FailAsync(message, cancellationToken);
        return null;
    }
}
