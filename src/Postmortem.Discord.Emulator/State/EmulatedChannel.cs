namespace Postmortem.Discord.Emulator;

/// <summary>A text channel, forum channel, thread or DM, with the messages in it.</summary>
public sealed class EmulatedChannel
{
    private readonly List<EmulatedMessage> _messages = [];
    private readonly List<ForumTag> _availableTags = [];
    private List<ulong> _appliedTags = [];

    internal EmulatedChannel(EmulatorState state, ulong id, ChannelKind kind, string name, DateTimeOffset createdAt)
    {
        State = state;
        Id = id;
        Kind = kind;
        Name = name;
        CreatedAt = createdAt;
    }

    internal EmulatorState State { get; }

    public ulong Id { get; }

    public ChannelKind Kind { get; }

    public string Name { get; internal set; }

    public string? Topic { get; internal set; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Null for DMs.</summary>
    public EmulatedGuild? Guild { get; internal init; }

    /// <summary>For threads: the text or forum channel the thread lives in.</summary>
    public EmulatedChannel? Parent { get; internal init; }

    /// <summary>For threads: who created it.</summary>
    public EmulatedUser? Owner { get; internal init; }

    /// <summary>For DMs: the user on the other side of the bot.</summary>
    public EmulatedUser? Recipient { get; internal init; }

    public bool IsThread => Kind.IsThread();

    public bool IsArchived { get; internal set; }

    public bool IsLocked { get; internal set; }

    public bool IsInvitable { get; internal set; } = true;

    public int AutoArchiveDuration { get; internal set; } = 1440;

    public DateTimeOffset? ArchiveTimestamp { get; internal set; }

    public string Mention => $"<#{Id}>";

    /// <summary>Forum channels: the tags posts may carry.</summary>
    public IReadOnlyList<ForumTag> AvailableTags => Snapshot(_availableTags);

    /// <summary>Forum posts: the ids of the tags applied to this thread.</summary>
    public IReadOnlyList<ulong> AppliedTags
    {
        get
        {
            lock (State.Gate)
            {
                return [.. _appliedTags];
            }
        }
    }

    /// <summary>Every message, ephemeral ones included (see <see cref="EmulatedMessage.VisibleTo"/>).</summary>
    public IReadOnlyList<EmulatedMessage> Messages => Snapshot(_messages);

    /// <summary>What everyone in the channel sees: no ephemeral messages.</summary>
    public IReadOnlyList<EmulatedMessage> PublicMessages => [.. Messages.Where(m => m.VisibleTo is null)];

    public IReadOnlyList<EmulatedMessage> PinnedMessages => [.. Messages.Where(m => m.IsPinned)];

    /// <summary>Threads whose parent is this channel (forum posts, threads started from messages).</summary>
    public IReadOnlyList<EmulatedChannel> Threads => State.ChannelsWhere(c => c.Parent == this);

    public EmulatedMessage? LastMessage => Messages is [.., var last] ? last : null;

    /// <summary>What a given user sees: public messages plus ephemeral messages meant for them.</summary>
    public IReadOnlyList<EmulatedMessage> MessagesVisibleTo(EmulatedUser user) =>
        [.. Messages.Where(m => m.VisibleTo is null || m.VisibleTo == user)];

    public ForumTag Tag(string name) =>
        AvailableTags.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"Channel {Name} has no tag named '{name}'.", nameof(name));

    /// <summary>What the bot may do here (DMs allow messaging and pinning).</summary>
    internal DiscordPermissions BotPermissions =>
        Guild?.BotPermissions ?? (DiscordPermissions.DefaultEveryone | DiscordPermissions.PinMessages);

    internal bool BotCan(DiscordPermissions needed) =>
        BotPermissions.HasFlag(DiscordPermissions.Administrator) || (BotPermissions & needed) == needed;

    internal void AddMessageUnsafe(EmulatedMessage message) => _messages.Add(message);

    internal void RemoveMessageUnsafe(EmulatedMessage message) => _messages.Remove(message);

    internal IEnumerable<EmulatedMessage> MessagesUnsafe => _messages;

    internal List<ForumTag> AvailableTagsUnsafe => _availableTags;

    internal IReadOnlyList<ulong> AppliedTagsUnsafe
    {
        get => _appliedTags;
        set => _appliedTags = [.. value];
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (State.Gate)
        {
            return [.. list];
        }
    }

    public override string ToString() => $"#{Name} ({Kind}, {Id})";
}
