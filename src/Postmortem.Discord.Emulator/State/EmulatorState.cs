using System.Security.Cryptography;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// The emulated world: users, guilds, channels, messages, commands, interactions, and the logs tests read.
/// One lock guards it all (<see cref="Gate"/>, re-entrant); every change notifies <see cref="Changes"/>.
/// </summary>
internal sealed class EmulatorState
{
    private readonly Dictionary<ulong, EmulatedUser> _users = [];
    private readonly List<EmulatedGuild> _guilds = [];
    private readonly List<EmulatedChannel> _channels = [];
    private readonly Dictionary<ulong, EmulatedMessage> _messages = [];
    private readonly Dictionary<ulong, EmulatedAttachment> _looseAttachments = [];
    private readonly List<RegisteredCommand> _commands = [];
    private readonly Dictionary<ulong, InteractionHandle> _interactions = [];
    private readonly Queue<InteractionHandle> _interactionOrder = new();
    private readonly Queue<InteractionHandle> _payloadsHeld = new();
    private readonly HistoryRing<RecordedRequest> _requests;
    private readonly HistoryRing<RateLimitHit> _rateLimitHits;

    // Every violation is kept, whatever HistoryLimit says: a clean run has none, and losing one would hide a bug.
    private readonly List<Violation> _violations = [];

    // The logs have their own lock so the gateway and rate limiter can record while holding theirs.
    private readonly Lock _logGate = new();

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        _requests = new(options.HistoryLimit);
        _rateLimitHits = new(options.HistoryLimit);
        Snowflakes = new SnowflakeGenerator(options.Time);
        Token = options.BotToken ?? NewToken();
        BotUser = CreateUser(options.BotName, acceptsDms: true, isBot: true);
    }

    public Lock Gate { get; } = new();

    public EmulatorOptions Options { get; }

    public TimeProvider Time => Options.Time;

    public ChangeSignal Changes { get; } = new();

    public SnowflakeGenerator Snowflakes { get; }

    public string Token { get; }

    public EmulatedUser BotUser { get; }

    /// <summary>Modern applications share the bot user's id.</summary>
    public ulong ApplicationId => BotUser.Id;

    /// <summary>http://127.0.0.1:port/ once Kestrel listens.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public IEventSink Events { get; set; } = NoSink.Instance;

    public ulong NextId() => Snowflakes.Next();

    public void Changed() => Changes.Notify();

    public void Dispatch(DispatchEvent dispatch)
    {
        Events.Dispatch(dispatch);
        Changed();
    }

    // ---- users and guilds ----

    public EmulatedUser CreateUser(string name, bool acceptsDms, bool isBot = false)
    {
        var user = new EmulatedUser(NextId(), name, isBot, acceptsDms);
        lock (Gate)
        {
            _users.Add(user.Id, user);
        }

        Changed();
        return user;
    }

    public EmulatedUser? FindUser(ulong id)
    {
        lock (Gate)
        {
            return _users.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<EmulatedGuild> Guilds
    {
        get
        {
            lock (Gate)
            {
                return [.. _guilds];
            }
        }
    }

    public EmulatedGuild CreateGuild(string name)
    {
        var owner = CreateUser($"{name} owner", acceptsDms: true);
        EmulatedGuild guild;
        lock (Gate)
        {
            guild = new EmulatedGuild(this, NextId(), name, owner.Id, Time.GetUtcNow());
            var botRole = new EmulatedRole(NextId(), guild, BotUser.Name, DiscordPermissions.DefaultBot, 1);
            guild.AddRoleUnsafe(botRole);
            guild.BotRole = botRole;
            guild.AddMemberUnsafe(new EmulatedMember(guild, owner, [], guild.CreatedAt));
            guild.AddMemberUnsafe(new EmulatedMember(guild, BotUser, [botRole], guild.CreatedAt));
            _guilds.Add(guild);
        }

        Dispatch(GatewayEvents.GuildCreate(guild, EmulatorIntents.None));
        return guild;
    }

    public EmulatedGuild? FindGuild(ulong id)
    {
        lock (Gate)
        {
            return _guilds.Find(g => g.Id == id);
        }
    }

    // ---- channels ----

    public IReadOnlyList<EmulatedChannel> ChannelsWhere(Func<EmulatedChannel, bool> predicate)
    {
        lock (Gate)
        {
            return [.. _channels.Where(predicate)];
        }
    }

    private readonly List<EmulatedScheduledEvent> _scheduledEvents = [];

    public void AddScheduledEvent(EmulatedScheduledEvent scheduledEvent)
    {
        lock (Gate)
        {
            _scheduledEvents.Add(scheduledEvent);
        }

        Changed();
    }

    public IReadOnlyList<EmulatedScheduledEvent> ScheduledEventsOf(EmulatedGuild guild)
    {
        lock (Gate)
        {
            return [.. _scheduledEvents.Where(e => e.Guild == guild && !e.IsDeleted)];
        }
    }

    public EmulatedChannel? FindChannel(ulong id)
    {
        lock (Gate)
        {
            return _channels.Find(c => c.Id == id);
        }
    }

    public EmulatedChannel CreateGuildChannel(EmulatedGuild guild, ChannelKind kind, string name, string? topic,
        IEnumerable<string> tags)
    {
        EmulatedChannel channel;
        lock (Gate)
        {
            channel = new EmulatedChannel(this, NextId(), kind, name, Time.GetUtcNow()) { Guild = guild, Topic = topic };
            channel.AvailableTagsUnsafe.AddRange(tags.Select(t => new ForumTag(NextId(), t)));
            _channels.Add(channel);
        }

        Dispatch(GatewayEvents.ChannelCreate(channel));
        return channel;
    }

    /// <summary>The DM channel between the bot and a user (created once, like POST /users/@me/channels).</summary>
    public EmulatedChannel OpenDm(EmulatedUser user)
    {
        lock (Gate)
        {
            if (_channels.Find(c => c.Kind == ChannelKind.Dm && c.Recipient == user) is { } existing)
            {
                return existing;
            }

            var dm = new EmulatedChannel(this, NextId(), ChannelKind.Dm, "", Time.GetUtcNow()) { Recipient = user };
            _channels.Add(dm);
            Changed();
            return dm;
        }
    }

    public EmulatedChannel CreateThread(EmulatedChannel parent, ulong id, string name, ChannelKind kind,
        EmulatedUser owner, int autoArchiveDuration, IReadOnlyList<ulong> appliedTags)
    {
        EmulatedChannel thread;
        lock (Gate)
        {
            thread = new EmulatedChannel(this, id, kind, name, Time.GetUtcNow())
            {
                Guild = parent.Guild,
                Parent = parent,
                Owner = owner,
                AutoArchiveDuration = autoArchiveDuration,
                AppliedTagsUnsafe = appliedTags,
            };
            _channels.Add(thread);
        }

        Dispatch(GatewayEvents.ThreadCreate(thread));
        return thread;
    }

    public void UpdateChannel(EmulatedChannel channel, Action<EmulatedChannel> change)
    {
        lock (Gate)
        {
            change(channel);
        }

        Dispatch(channel.IsThread ? GatewayEvents.ThreadUpdate(channel) : GatewayEvents.ChannelUpdate(channel));
    }

    public void DeleteThread(EmulatedChannel thread)
    {
        lock (Gate)
        {
            _channels.Remove(thread);
        }

        Dispatch(GatewayEvents.ThreadDelete(thread));
    }

    // ---- messages ----

    public EmulatedMessage? FindMessage(ulong id)
    {
        lock (Gate)
        {
            return _messages.TryGetValue(id, out var message) && !message.IsDeleted ? message : null;
        }
    }

    /// <summary>Stores a message and tells the gateway (ephemeral messages are never dispatched).</summary>
    public void AddMessage(EmulatedMessage message)
    {
        var channel = message.Channel;
        var unarchived = false;
        lock (Gate)
        {
            _messages.Add(message.Id, message);
            channel.AddMessageUnsafe(message);
            if (channel is { IsThread: true, IsArchived: true, IsLocked: false })
            {
                channel.IsArchived = false;
                channel.ArchiveTimestamp = Time.GetUtcNow();
                unarchived = true;
            }
        }

        if (message.VisibleTo is null)
        {
            Dispatch(GatewayEvents.MessageCreate(message, BaseUrl));
        }

        if (unarchived)
        {
            Dispatch(GatewayEvents.ThreadUpdate(channel));
        }

        Changed();
    }

    public void UpdateMessage(EmulatedMessage message, Action<EmulatedMessage> change)
    {
        lock (Gate)
        {
            change(message);
        }

        if (message.VisibleTo is null)
        {
            Dispatch(GatewayEvents.MessageUpdate(message, BaseUrl));
        }

        Changed();
    }

    public void DeleteMessage(EmulatedMessage message)
    {
        lock (Gate)
        {
            message.IsDeleted = true;
            message.Channel.RemoveMessageUnsafe(message);
            // Gone on Discord too: nothing can reach it again, so the index lets go of it.
            _messages.Remove(message.Id);
        }

        if (message.VisibleTo is null)
        {
            Dispatch(GatewayEvents.MessageDelete(message));
        }

        Changed();
    }

    /// <summary>An attachment on any message, or one a user attached to a command option.</summary>
    public EmulatedAttachment? FindAttachment(ulong id)
    {
        lock (Gate)
        {
            return _looseAttachments.GetValueOrDefault(id)
                ?? _messages.Values.SelectMany(m => m.Attachments).FirstOrDefault(a => a.Id == id);
        }
    }

    public EmulatedAttachment AddLooseAttachment(FileUpload upload)
    {
        var attachment = new EmulatedAttachment(NextId(), upload.FileName, upload.ContentType, upload.Content, null);
        lock (Gate)
        {
            _looseAttachments.Add(attachment.Id, attachment);
        }

        return attachment;
    }

    // ---- application commands ----

    public IReadOnlyList<RegisteredCommand> Commands
    {
        get
        {
            lock (Gate)
            {
                return [.. _commands];
            }
        }
    }

    public IReadOnlyList<RegisteredCommand> ReplaceCommands(ulong? guildId, IReadOnlyList<(string Name, int Type, System.Text.Json.Nodes.JsonObject Definition)> commands)
    {
        lock (Gate)
        {
            var previous = _commands.Where(c => c.GuildId == guildId).ToList();
            _commands.RemoveAll(c => c.GuildId == guildId);
            var created = commands.Select(c =>
            {
                // Overwriting keeps the id of a command with the same name and type, as Discord does.
                var id = previous.Find(p => p.Name == c.Name && p.Type == c.Type)?.Id ?? NextId();
                return new RegisteredCommand(id, guildId, c.Name, c.Type, c.Definition.Frozen());
            }).ToList();
            _commands.AddRange(created);
            Changed();
            return created;
        }
    }

    /// <summary>Guild commands shadow global ones of the same name and type, as in the Discord client.</summary>
    public RegisteredCommand? FindCommand(string name, int type, EmulatedGuild? guild)
    {
        lock (Gate)
        {
            return _commands.Find(c => c.Name == name && c.Type == type && guild is not null && c.GuildId == guild.Id)
                ?? _commands.Find(c => c.Name == name && c.Type == type && c.GuildId is null);
        }
    }

    // ---- interactions ----

    public void AddInteraction(InteractionHandle interaction)
    {
        lock (Gate)
        {
            _interactions.Add(interaction.Id, interaction);
            _interactionOrder.Enqueue(interaction);
            _payloadsHeld.Enqueue(interaction);
            TrimInteractionsUnsafe();
        }
    }

    // Beyond HistoryLimit, the oldest interactions go once their token has expired (nothing can use them then), with
    // the ephemeral messages only they could edit. One whose token still lives stays answerable but lets go of its
    // recorded INTERACTION_CREATE payload, the bulk of it. Oldest first, so the loop stops at the first live one.
    private void TrimInteractionsUnsafe()
    {
        if (Options.HistoryLimit is not { } limit)
        {
            return;
        }

        var now = Time.GetUtcNow();
        while (_interactionOrder.Count > limit && _interactionOrder.Peek() is var oldest && oldest.TokenExpiry <= now)
        {
            _interactionOrder.Dequeue();
            _interactions.Remove(oldest.Id);
            foreach (var message in oldest.Messages.Where(m => m.VisibleTo is not null))
            {
                message.Channel.RemoveMessageUnsafe(message);
                _messages.Remove(message.Id);
            }
        }

        while (_payloadsHeld.Count > limit)
        {
            _payloadsHeld.Dequeue().ReleasePayload();
        }
    }

    public InteractionHandle? FindInteraction(ulong id)
    {
        lock (Gate)
        {
            return _interactions.GetValueOrDefault(id);
        }
    }

    public InteractionHandle? FindInteractionByToken(string token)
    {
        lock (Gate)
        {
            return _interactions.Values.FirstOrDefault(i => i.Token == token);
        }
    }

    // ---- what tests read ----

    private int _delayedAnswers;

    /// <summary>Answers held back by <see cref="DiscordEmulator.DelayNextResponses"/> right now.</summary>
    public int DelayedAnswers => Volatile.Read(ref _delayedAnswers);

    public void DelayedAnswerStarted()
    {
        Interlocked.Increment(ref _delayedAnswers);
        Changed();
    }

    public void DelayedAnswerEnded()
    {
        Interlocked.Decrement(ref _delayedAnswers);
        Changed();
    }

    public void AddViolation(string source, string reason)
    {
        lock (_logGate)
        {
            _violations.Add(new Violation(Time.GetUtcNow(), source, reason));
        }

        Changed();
    }

    public IReadOnlyList<Violation> ViolationsSnapshot()
    {
        lock (_logGate)
        {
            return [.. _violations];
        }
    }

    public void AddRequest(RecordedRequest request)
    {
        lock (_logGate)
        {
            _requests.Add(request);
        }

        Changed();
    }

    public IReadOnlyList<RecordedRequest> RequestsSnapshot()
    {
        lock (_logGate)
        {
            return _requests.Snapshot();
        }
    }

    public long RequestCount
    {
        get
        {
            lock (_logGate)
            {
                return _requests.Total;
            }
        }
    }

    public void AddRateLimitHit(RateLimitHit hit)
    {
        lock (_logGate)
        {
            _rateLimitHits.Add(hit);
        }

        Changed();
    }

    public IReadOnlyList<RateLimitHit> RateLimitHitsSnapshot()
    {
        lock (_logGate)
        {
            return _rateLimitHits.Snapshot();
        }
    }

    public long RateLimitHitCount
    {
        get
        {
            lock (_logGate)
            {
                return _rateLimitHits.Total;
            }
        }
    }

    private static string NewToken() =>
        $"{Convert.ToBase64String(RandomNumberGenerator.GetBytes(18))}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}";

    private sealed class NoSink : IEventSink
    {
        public static NoSink Instance { get; } = new();

        public void Dispatch(DispatchEvent dispatch)
        {
        }
    }
}
