using System.Text.Json;

namespace Postmortem.Discord.Models;

/// <summary>
/// The "data" of an interaction. One record for all kinds; which fields are set depends on the interaction type:
/// application command / autocomplete (<see cref="Id"/>, <see cref="Name"/>, <see cref="Type"/>, <see cref="Options"/>,
/// <see cref="Resolved"/>, <see cref="TargetId"/>), component (<see cref="CustomId"/>, <see cref="ComponentType"/>,
/// <see cref="Values"/>) and modal submit (<see cref="CustomId"/>, <see cref="Components"/>).
/// </summary>
public sealed record InteractionData
{
    /// <summary>The command's id (for component interactions Discord may send the component's numeric id here).</summary>
    public Snowflake? Id { get; init; }

    public string? Name { get; init; }

    public ApplicationCommandType? Type { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public ResolvedData? Resolved { get; init; }

    public Snowflake? GuildId { get; init; }

    /// <summary>User and message commands: the user or message acted on.</summary>
    public Snowflake? TargetId { get; init; }

    public string? CustomId { get; init; }

    public ComponentType? ComponentType { get; init; }

    /// <summary>Select menus: the chosen values (ids for user/role/channel selects).</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Modal submit: the submitted fields, as Label{component} or legacy ActionRow{components}.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The subcommand group, if the command was invoked as "/command group sub".</summary>
    public string? GetSubcommandGroup() =>
        Options?.FirstOrDefault(o => o.Type == ApplicationCommandOptionType.SubCommandGroup)?.Name;

    /// <summary>The subcommand ("/command sub" or "/command group sub"), or null for a plain command.</summary>
    public string? GetSubcommand() => FindSubcommand()?.Name;

    /// <summary>The options the user filled in, below any subcommand group and subcommand.</summary>
    public IReadOnlyList<InteractionOption> GetLeafOptions() => FindSubcommand()?.Options ?? Options ?? [];

    public InteractionOption? GetOption(string name) =>
        GetLeafOptions().FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));

    /// <summary>Autocomplete: the option the user is typing in.</summary>
    public InteractionOption? GetFocusedOption() => GetLeafOptions().FirstOrDefault(o => o.Focused == true);

    public string? GetString(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public long? GetInt64(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;

    public double? GetDouble(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    public bool? GetBoolean(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    /// <summary>A USER/CHANNEL/ROLE/MENTIONABLE/ATTACHMENT option's id.</summary>
    public Snowflake? GetId(string name) =>
        GetOption(name)?.Value is { ValueKind: JsonValueKind.String } v && Snowflake.TryParse(v.GetString(), out var id) ? id : null;

    public User? GetUser(string name) => Resolve(GetId(name), Resolved?.Users);

    /// <summary>The member behind a USER option (guilds only); its <see cref="GuildMember.User"/> is filled from resolved users.</summary>
    public GuildMember? GetMember(string name)
    {
        var id = GetId(name);
        var member = Resolve(id, Resolved?.Members);
        return member is null ? null : member with { User = member.User ?? Resolve(id, Resolved?.Users) };
    }

    public Channel? GetChannel(string name) => Resolve(GetId(name), Resolved?.Channels);

    public Role? GetRole(string name) => Resolve(GetId(name), Resolved?.Roles);

    public Attachment? GetAttachment(string name) => Resolve(GetId(name), Resolved?.Attachments);

    /// <summary>
    /// Modal submit: every submitted field by custom_id, from either layout (Label or legacy ActionRow), including
    /// component types this library does not model as long as they carry a custom_id.
    /// </summary>
    public IReadOnlyDictionary<string, ModalField> GetModalFields()
    {
        var fields = new Dictionary<string, ModalField>(StringComparer.Ordinal);
        foreach (var component in Components ?? [])
        {
            ModalFields.Collect(component, fields);
        }

        return fields;
    }

    /// <summary>Modal submit: the text of one field, or null if it was not submitted.</summary>
    public string? GetModalValue(string customId) => GetModalFields().TryGetValue(customId, out var field) ? field.Value : null;

    private InteractionOption? FindSubcommand()
    {
        var top = Options?.FirstOrDefault(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup);
        return top?.Type == ApplicationCommandOptionType.SubCommandGroup
            ? top.Options?.FirstOrDefault(o => o.Type == ApplicationCommandOptionType.SubCommand)
            : top;
    }

    private static T? Resolve<T>(Snowflake? id, IReadOnlyDictionary<Snowflake, T>? map) where T : class =>
        id is { } key && map is not null && map.TryGetValue(key, out var value) ? value : null;
}

/// <summary>One option the user supplied; subcommands and groups nest further options.</summary>
public sealed record InteractionOption
{
    public string Name { get; init; } = "";

    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>string, integer, double or boolean; ids for user/channel/role/attachment options.</summary>
    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    /// <summary>Autocomplete: true on the option being typed.</summary>
    public bool? Focused { get; init; }
}

/// <summary>Full objects for the ids an interaction mentions, keyed by id.</summary>
public sealed record ResolvedData
{
    public IReadOnlyDictionary<Snowflake, User>? Users { get; init; }

    /// <summary>Members without their user (the user is in <see cref="Users"/>).</summary>
    public IReadOnlyDictionary<Snowflake, GuildMember>? Members { get; init; }

    public IReadOnlyDictionary<Snowflake, Role>? Roles { get; init; }

    public IReadOnlyDictionary<Snowflake, Channel>? Channels { get; init; }

    public IReadOnlyDictionary<Snowflake, Message>? Messages { get; init; }

    public IReadOnlyDictionary<Snowflake, Attachment>? Attachments { get; init; }
}

/// <summary>A submitted modal field: <see cref="Value"/> for text inputs, <see cref="Values"/> for selects and uploads.</summary>
public sealed record ModalField(string CustomId, string? Value, IReadOnlyList<string> Values);
