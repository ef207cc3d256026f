namespace Postmortem.Discord.Emulator;

/// <summary>A server. Create channels, roles and members here; the bot is already a member.</summary>
public sealed class EmulatedGuild
{
    private readonly List<EmulatedRole> _roles = [];
    private readonly List<EmulatedMember> _members = [];

    internal EmulatedGuild(EmulatorState state, ulong id, string name, ulong ownerId, DateTimeOffset createdAt)
    {
        State = state;
        Id = id;
        Name = name;
        OwnerId = ownerId;
        CreatedAt = createdAt;
        EveryoneRole = new EmulatedRole(id, this, "@everyone", DiscordPermissions.DefaultEveryone, 0);
        _roles.Add(EveryoneRole);
    }

    internal EmulatorState State { get; }

    public ulong Id { get; }

    public string Name { get; }

    public ulong OwnerId { get; }

    public DateTimeOffset CreatedAt { get; }

    public EmulatedRole EveryoneRole { get; }

    /// <summary>The bot's own membership; its managed role carries <see cref="BotPermissions"/>.</summary>
    public EmulatedMember BotMember => GetMember(State.BotUser)!;

    /// <summary>What the bot may do here; REST calls that need more get 403 / 50013 Missing Permissions.</summary>
    public DiscordPermissions BotPermissions
    {
        get => BotMember.Permissions;
        set
        {
            lock (State.Gate)
            {
                BotRole.Permissions = value;
            }

            State.Changed();
        }
    }

    internal EmulatedRole BotRole { get; set; } = null!;

    public IReadOnlyList<EmulatedRole> Roles
    {
        get
        {
            lock (State.Gate)
            {
                return [.. _roles];
            }
        }
    }

    public IReadOnlyList<EmulatedMember> Members
    {
        get
        {
            lock (State.Gate)
            {
                return [.. _members];
            }
        }
    }

    /// <summary>Text and forum channels (not threads), in creation order.</summary>
    public IReadOnlyList<EmulatedChannel> Channels => State.ChannelsWhere(c => c.Guild == this && !c.Kind.IsThread());

    /// <summary>Every thread in this guild, archived ones included.</summary>
    public IReadOnlyList<EmulatedChannel> Threads => State.ChannelsWhere(c => c.Guild == this && c.Kind.IsThread());

    public EmulatedMember? GetMember(EmulatedUser user)
    {
        lock (State.Gate)
        {
            return _members.Find(m => m.User == user);
        }
    }

    public EmulatedChannel CreateTextChannel(string name, string? topic = null) =>
        State.CreateGuildChannel(this, ChannelKind.GuildText, name, topic, []);

    /// <summary>A voice channel (scheduled events can take place in one).</summary>
    public EmulatedChannel CreateVoiceChannel(string name) =>
        State.CreateGuildChannel(this, ChannelKind.GuildVoice, name, topic: null, []);

    /// <summary>The guild's scheduled events, cancelled and completed ones included, oldest first.</summary>
    public IReadOnlyList<EmulatedScheduledEvent> ScheduledEvents => State.ScheduledEventsOf(this);

    /// <summary>A forum channel with the given available tags (the bot applies them with <c>applied_tags</c>).</summary>
    public EmulatedChannel CreateForumChannel(string name, params string[] tags) =>
        State.CreateGuildChannel(this, ChannelKind.GuildForum, name, topic: null, tags);

    public EmulatedRole CreateRole(string name, DiscordPermissions permissions = DiscordPermissions.None)
    {
        EmulatedRole role;
        lock (State.Gate)
        {
            role = new EmulatedRole(State.NextId(), this, name, permissions, _roles.Count);
            _roles.Add(role);
        }

        State.Dispatch(GatewayEvents.GuildRoleCreate(this, role));
        return role;
    }

    /// <summary>Adds a member with the given roles (and @everyone).</summary>
    public EmulatedMember AddMember(EmulatedUser user, params EmulatedRole[] roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        EmulatedMember member;
        lock (State.Gate)
        {
            if (_members.Find(m => m.User == user) is { } existing)
            {
                foreach (var role in roles)
                {
                    existing.AddRole(role);
                }

                return existing;
            }

            member = new EmulatedMember(this, user, roles, State.Time.GetUtcNow());
            _members.Add(member);
        }

        State.Dispatch(GatewayEvents.GuildMemberAdd(member));
        return member;
    }

    /// <summary>Adds a member holding exactly these permissions through a role of their own.</summary>
    public EmulatedMember AddMember(EmulatedUser user, DiscordPermissions permissions)
    {
        ArgumentNullException.ThrowIfNull(user);
        var role = CreateRole($"{user.Name} permissions", permissions);
        return AddMember(user, role);
    }

    internal void AddRoleUnsafe(EmulatedRole role) => _roles.Add(role);

    internal void AddMemberUnsafe(EmulatedMember member) => _members.Add(member);

    public override string ToString() => $"{Name} ({Id})";
}
