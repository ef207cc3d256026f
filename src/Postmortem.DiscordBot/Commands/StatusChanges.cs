using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Forum;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Commands;

/// <summary>
/// What follows a status change (review, final, reopened): a notice in the postmortem's thread, and the forum
/// post's tag when the postmortem is a forum post.
/// </summary>
public sealed class StatusChanges(ForumPosts forum)
{
    /// <summary>
    /// Answers the interaction: inside the thread the notice itself is the (public) answer; elsewhere the user gets
    /// it privately and the thread gets the notice.
    /// </summary>
    public async Task AnnounceAsync(InteractionContext context, Core.Postmortem postmortem, string notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(postmortem);
        var inThread = postmortem.ThreadId == context.ChannelId.ToString();
        if (inThread)
        {
            await context.ReplyAsync(new MessagePayload { Content = notice }, cancellationToken);
        }
        else
        {
            await context.ReplyEphemeralAsync(notice, cancellationToken: cancellationToken);
        }

        AfterChange(context, postmortem, inThread ? null : notice);
    }

    /// <summary>Queues the forum tag update and, when given, the notice in the thread.</summary>
    public void AfterChange(InteractionContext context, Core.Postmortem postmortem, string? threadNotice)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(postmortem);
        if (threadNotice is not null && postmortem.ThreadId is { } thread && Snowflake.TryParse(thread, out var threadId))
        {
            context.AfterResponse(ct => context.Rest.CreateMessageAsync(threadId, new MessagePayload { Content = threadNotice }, ct));
        }

        context.AfterResponse($"forum:{postmortem.Id}", ct => forum.SyncStatusAsync(postmortem, ct));
    }
}
