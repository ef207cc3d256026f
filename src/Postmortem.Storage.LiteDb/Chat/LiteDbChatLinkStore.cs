using LiteDB;
using Postmortem.Core.Chat;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Chat;

/// <summary>Chat links, one document per postmortem and kind; found by channel through its index.</summary>
public sealed class LiteDbChatLinkStore(LiteDbDatabase database) : IChatLinkStore
{
    public Task<ChatLink?> GetAsync(PostmortemId postmortemId, string kind, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return database.RunAsync(
            engine => engine.FindById(LiteDbSchema.ChatLinks, Id(postmortemId, kind)) is { } document
                ? new ChatLink(document["channel"].AsString, document["message"].AsString)
                : null,
            cancellationToken);
    }

    public Task<PostmortemId?> FindPostmortemAsync(string kind, string channelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        return database.RunAsync(
            engine => engine.Find(LiteDbSchema.ChatLinks, BsonExpression.Create("channel = @0", channelId))
                .Where(d => string.Equals(d["kind"].AsString, kind, StringComparison.Ordinal))
                .Select(d => (PostmortemId?)new PostmortemId(d["pm"].AsInt64))
                .MinBy(id => id!.Value.Value),
            cancellationToken);
    }

    public Task SetAsync(PostmortemId postmortemId, string kind, ChatLink link, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(link);
        var document = new BsonDocument
        {
            ["_id"] = Id(postmortemId, kind),
            ["pm"] = postmortemId.Value,
            ["kind"] = kind,
            ["channel"] = link.ChannelId,
            ["message"] = link.MessageId,
        };
        return database.RunAsync(engine => engine.Upsert(LiteDbSchema.ChatLinks, document), cancellationToken);
    }

    private static string Id(PostmortemId postmortemId, string kind) => BsonValues.Fixed(postmortemId.Value) + "/" + kind;
}
