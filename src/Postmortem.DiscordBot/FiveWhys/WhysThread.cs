using Microsoft.Extensions.Logging;
using Postmortem.Core.Chat;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Dashboard;
using Postmortem.DiscordBot.Forum;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// Where a postmortem's whys are discussed. For a thread postmortem: a second public thread in the same channel,
/// "Five Whys: {title}", opened with the first why. For a forum post: the post itself, below a "Five Whys" header.
/// Every why and answer message is remembered (chat links), so edits, retractions and root-cause marks made by
/// command redraw the right message, also after a restart.
/// </summary>
public sealed partial class WhysThread(IChatLinkStore links, IDiscordRestClient rest, ILogger<WhysThread> logger)
    : IPostmortemChannels, IDashboardLinks
{
    /// <summary>Chat link kind: channel = the whys thread (or forum post), message = its header.</summary>
    public const string LinkKind = "whys-thread";

    private const int AutoArchiveMinutes = 10080;

    // One opening at a time per postmortem, so two first whys asked at once share one thread.
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 16).Select(_ => new SemaphoreSlim(1, 1))];

    public static string NodeLink(Why why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return "why:" + WhyMessages.Id(why.Id);
    }

    public static string NodeLink(WhyAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return "why-answer:" + WhyMessages.Id(answer.Id);
    }

    /// <summary>The channel holding the whys, or null while no why was asked.</summary>
    public async Task<Snowflake?> FindAsync(PostmortemId id, CancellationToken cancellationToken) =>
        await links.GetAsync(id, LinkKind, cancellationToken) is { } link ? Snowflake.Parse(link.ChannelId) : null;

    /// <summary>True when <paramref name="channelId"/> is the postmortem's thread or its whys thread.</summary>
    public async Task<bool> BelongsAsync(Core.Postmortem postmortem, Snowflake channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return postmortem.ThreadId == channelId.ToString() || await FindAsync(postmortem.Id, cancellationToken) == channelId;
    }

    /// <summary>The whys channel, opening it (thread + header) if this is the first why.</summary>
    public async Task<Snowflake> EnsureAsync(Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var stripe = _stripes[(int)(postmortem.Id.Value % _stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            return await FindAsync(postmortem.Id, cancellationToken) ?? await OpenAsync(postmortem, cancellationToken);
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>Posts a why's message in the whys thread and remembers it.</summary>
    public Task<Message> PostAsync(Core.Postmortem postmortem, Why why, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return PostAsync(postmortem, NodeLink(why), WhyMessages.Why(postmortem.Id, why, hidden: false), cancellationToken);
    }

    /// <summary>Posts an answer's message in the whys thread and remembers it.</summary>
    public Task<Message> PostAsync(Core.Postmortem postmortem, WhyAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return PostAsync(postmortem, NodeLink(answer), WhyMessages.Answer(postmortem.Id, answer, hidden: false), cancellationToken);
    }

    /// <summary>Redraws a why's message (after an edit or a retraction), if it was posted.</summary>
    public Task RedrawAsync(Core.Postmortem postmortem, Why why, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return RedrawAsync(postmortem.Id, NodeLink(why), WhyMessages.Why(postmortem.Id, why, postmortem.IsHidden(why)), cancellationToken);
    }

    /// <summary>Redraws an answer's message (after an edit, a retraction or a root-cause mark), if it was posted.</summary>
    public Task RedrawAsync(Core.Postmortem postmortem, WhyAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return RedrawAsync(postmortem.Id, NodeLink(answer), WhyMessages.Answer(postmortem.Id, answer, postmortem.IsHidden(answer)), cancellationToken);
    }

    async Task<PostmortemId?> IPostmortemChannels.FindPostmortemAsync(string channelId, CancellationToken cancellationToken) =>
        await links.FindPostmortemAsync(LinkKind, channelId, cancellationToken);

    async Task<string?> IDashboardLinks.LinkAsync(Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        if (await links.GetAsync(postmortem.Id, LinkKind, cancellationToken) is not { } link)
        {
            return null;
        }

        return link.ChannelId == postmortem.ThreadId
            ? $"🌳 [Five Whys](https://discord.com/channels/{postmortem.GuildId}/{link.ChannelId}/{link.MessageId}) further down this post"
            : $"🌳 Five Whys: <#{link.ChannelId}>";
    }

    private async Task<Message> PostAsync(Core.Postmortem postmortem, string linkKind, MessagePayload message, CancellationToken cancellationToken)
    {
        var channel = await EnsureAsync(postmortem, cancellationToken);
        Message posted;
        try
        {
            posted = await rest.CreateMessageAsync(channel, message, cancellationToken);
        }
        catch (DiscordHttpException ex) when (ex.Code == DiscordErrorCodes.UnknownChannel)
        {
            // Someone deleted the whys thread: open a new one rather than losing the why.
            LogThreadGone(logger, postmortem.Id, channel);
            channel = await OpenAsync(postmortem, cancellationToken);
            posted = await rest.CreateMessageAsync(channel, message, cancellationToken);
        }

        await links.SetAsync(postmortem.Id, linkKind, new ChatLink(posted.ChannelId.ToString(), posted.Id.ToString()), cancellationToken);
        return posted;
    }

    private async Task RedrawAsync(PostmortemId id, string linkKind, MessagePayload message, CancellationToken cancellationToken)
    {
        if (await links.GetAsync(id, linkKind, cancellationToken) is not { } link)
        {
            return;
        }

        var channel = Snowflake.Parse(link.ChannelId);
        var messageId = Snowflake.Parse(link.MessageId);
        try
        {
            await rest.EditMessageAsync(channel, messageId, message, cancellationToken);
        }
        catch (DiscordHttpException ex) when (ex.Code == DiscordErrorCodes.ThreadArchived)
        {
            await rest.ModifyChannelAsync(channel, new ChannelModifyRequest { Archived = false }, cancellationToken);
            await rest.EditMessageAsync(channel, messageId, message, cancellationToken);
        }
        catch (DiscordHttpException ex) when (ex.Code is DiscordErrorCodes.UnknownMessage or DiscordErrorCodes.UnknownChannel)
        {
            LogMessageGone(logger, id, linkKind);
        }
    }

    private async Task<Snowflake> OpenAsync(Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        var inForum = await links.GetAsync(postmortem.Id, ForumPosts.LinkKind, cancellationToken) is not null;
        Snowflake channel;
        if (inForum && postmortem.ThreadId is { } post)
        {
            channel = Snowflake.Parse(post);
        }
        else
        {
            var name = DiscordMarkdown.Truncate($"Five Whys: {postmortem.Title}", DiscordLimits.ThreadName);
            var thread = await rest.StartThreadAsync(
                Snowflake.Parse(postmortem.ChannelId), new ThreadCreateRequest(name) { AutoArchiveDuration = AutoArchiveMinutes }, cancellationToken);
            channel = thread.Id;
        }

        var header = await rest.CreateMessageAsync(channel, new MessagePayload { Content = Header(postmortem, inForum) }, cancellationToken);
        await links.SetAsync(postmortem.Id, LinkKind, new ChatLink(channel.ToString(), header.Id.ToString()), cancellationToken);
        return channel;
    }

    private static string Header(Core.Postmortem postmortem, bool inForum)
    {
        var title = DiscordMarkdown.Escape(postmortem.Title, singleLine: true);
        var intro = inForum
            ? $"## 🌳 Five Whys\nThe whys of **{title}** continue below."
            : $"## 🌳 Five Whys: {title}\nThe whys of postmortem #{postmortem.Id}{(postmortem.ThreadId is { } thread ? $" (<#{thread}>)" : "")}.";
        return intro
            + "\nEach why is a message with an **Answer** button; each answer offers **Ask why about this**, **Another answer** "
            + "and **Root cause**. `/postmortem whys` shows the whole tree.\n"
            + "-# Blameless: ask why the process allowed it, not who did it. Follow every causal path until you reach root causes.";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Five Whys thread {ChannelId} of postmortem {PostmortemId} is gone; opening a new one")]
    private static partial void LogThreadGone(ILogger logger, PostmortemId postmortemId, Snowflake channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postmortem {PostmortemId}: the message of {Node} is gone")]
    private static partial void LogMessageGone(ILogger logger, PostmortemId postmortemId, string node);
}
