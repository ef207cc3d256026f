using Microsoft.Extensions.Logging;
using Postmortem.Core.Chat;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Forum;

/// <summary>
/// Postmortems as forum posts (when a guild configured a forum): the post's tags follow the status (Draft,
/// In review, Final). Tags are found by name and created when missing; other tags people put on a post stay.
/// </summary>
public sealed partial class ForumPosts(IDiscordRestClient rest, IChatLinkStore links, ILogger<ForumPosts> logger)
{
    /// <summary>Chat link kind: channel = the forum, message = the post (a thread).</summary>
    public const string LinkKind = "forum-post";

    private static readonly PostmortemStatus[] _statuses = [PostmortemStatus.Draft, PostmortemStatus.InReview, PostmortemStatus.Final];

    /// <summary>Creates the post with <paramref name="starter"/> as its first message, tagged Draft.</summary>
    public async Task<Channel> CreatePostAsync(PostmortemId id, Snowflake forumId, string name, MessagePayload starter, CancellationToken cancellationToken)
    {
        var tags = await EnsureTagsAsync(forumId, cancellationToken);
        var post = await rest.CreateForumPostAsync(
            forumId,
            new ForumPostRequest(DiscordMarkdown.Truncate(name, DiscordLimits.ThreadName), starter)
            {
                AutoArchiveDuration = 10080,
                AppliedTags = tags.TryGetValue(PostmortemStatus.Draft, out var draft) ? [draft] : null,
            },
            cancellationToken);
        await links.SetAsync(id, LinkKind, new ChatLink(forumId.ToString(), post.Id.ToString()), cancellationToken);
        return post;
    }

    /// <summary>Puts the status tag matching the postmortem on its post; does nothing for thread postmortems.</summary>
    public async Task SyncStatusAsync(Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        if (await links.GetAsync(postmortem.Id, LinkKind, cancellationToken) is not { } link)
        {
            return;
        }

        var tags = await EnsureTagsAsync(Snowflake.Parse(link.ChannelId), cancellationToken);
        if (!tags.TryGetValue(postmortem.Status, out var wanted))
        {
            return;
        }

        var postId = Snowflake.Parse(link.MessageId);
        var post = await rest.GetChannelAsync(postId, cancellationToken);
        var statusTags = tags.Values.ToHashSet();
        var others = (post.AppliedTags ?? []).Where(t => !statusTags.Contains(t)).Take(4);
        IReadOnlyList<Snowflake> applied = [wanted, .. others];
        if (post.AppliedTags is { } current && current.Count == applied.Count && !current.Except(applied).Any())
        {
            return;
        }

        await rest.ModifyChannelAsync(
            postId,
            new ChannelModifyRequest { AppliedTags = applied, Archived = post.ThreadMetadata?.Archived == true ? false : null },
            cancellationToken);
    }

    /// <summary>The forum's status tags by status, creating the missing ones (needs Manage Channels).</summary>
    public async Task<IReadOnlyDictionary<PostmortemStatus, Snowflake>> EnsureTagsAsync(Snowflake forumId, CancellationToken cancellationToken)
    {
        var forum = await rest.GetChannelAsync(forumId, cancellationToken);
        var available = forum.AvailableTags ?? [];
        var missing = _statuses.Where(s => Find(available, s) is null).ToList();
        if (missing.Count > 0)
        {
            try
            {
                forum = await rest.ModifyChannelAsync(
                    forumId,
                    new ChannelModifyRequest
                    {
                        AvailableTags =
                        [
                            .. available.Select(t => new ForumTagRequest(t.Name) { Id = t.Id, Moderated = t.Moderated, EmojiId = t.EmojiId, EmojiName = t.EmojiName }),
                            .. missing.Select(s => new ForumTagRequest(StatusText.Of(s))),
                        ],
                    },
                    cancellationToken);
                available = forum.AvailableTags ?? [];
            }
            catch (DiscordHttpException ex)
            {
                // Posts still work untagged; the operator learns what to grant (or which tags to add by hand).
                LogTagsNotCreated(logger, forumId, ex.Message);
            }
        }

        var tags = new Dictionary<PostmortemStatus, Snowflake>();
        foreach (var status in _statuses)
        {
            if (Find(available, status) is { } tag)
            {
                tags[status] = tag.Id;
            }
        }

        return tags;
    }

    private static ForumTag? Find(IReadOnlyList<ForumTag> tags, PostmortemStatus status) =>
        tags.FirstOrDefault(t => string.Equals(t.Name.Trim(), StatusText.Of(status), StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not create the status tags of forum {ForumId}: {Reason}")]
    private static partial void LogTagsNotCreated(ILogger logger, Snowflake forumId, string reason);
}
