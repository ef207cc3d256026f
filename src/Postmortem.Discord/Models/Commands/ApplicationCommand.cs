using System.Text.Json;
using System.Text.Json.Serialization;
using Postmortem.Discord.Json;

namespace Postmortem.Discord.Models;

public enum ApplicationCommandType
{
    /// <summary>A slash command.</summary>
    ChatInput = 1,
    User = 2,
    Message = 3,
    PrimaryEntryPoint = 4,
}

#pragma warning disable CA1720 // "String" and "Integer" are Discord's documented names for these option types.
public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    /// <summary>-2^53+1 .. 2^53-1.</summary>
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}
#pragma warning restore CA1720

/// <summary>Where an app is installed: to a guild, or to a user's account.</summary>
public enum ApplicationIntegrationType
{
    GuildInstall = 0,
    UserInstall = 1,
}

/// <summary>
/// A command definition, as registered by bulk overwrite and as returned by Discord (then with ids and version).
/// Check it with <see cref="ApplicationCommandValidator"/> before registering; Discord rejects the whole batch otherwise.
/// </summary>
public sealed record ApplicationCommand
{
    public Snowflake? Id { get; init; }

    public Snowflake? ApplicationId { get; init; }

    public Snowflake? GuildId { get; init; }

    public Snowflake? Version { get; init; }

    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;

    /// <summary>1–32 characters; lowercase for slash commands.</summary>
    public string Name { get; init; } = "";

    /// <summary>1–100 characters for slash commands, empty for user/message commands.</summary>
    public string Description { get; init; } = "";

    /// <summary>At most 25.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>Who may use it by default; <see cref="Permissions.None"/> means administrators only, null everyone.</summary>
    public Permissions? DefaultMemberPermissions { get; init; }

    /// <summary>Deprecated in favour of <see cref="Contexts"/>; kept because Discord still honours it for global commands.</summary>
    public bool? DmPermission { get; init; }

    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }

    public IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes { get; init; }

    public bool? Nsfw { get; init; }
}

/// <summary>A command option, subcommand or subcommand group (one level of nesting: command → group → subcommand).</summary>
public sealed record ApplicationCommandOption
{
    public ApplicationCommandOptionType Type { get; init; }

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public bool? Required { get; init; }

    /// <summary>String/integer/number options: the only values allowed (≤25). Not together with autocomplete.</summary>
    public IReadOnlyList<ApplicationCommandChoice>? Choices { get; init; }

    /// <summary>Subcommands and groups: their own options.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    /// <summary>String options: 0–6000.</summary>
    public int? MinLength { get; init; }

    /// <summary>String options: 1–6000.</summary>
    public int? MaxLength { get; init; }

    public bool? Autocomplete { get; init; }
}

/// <summary>A fixed choice or an autocomplete suggestion; the value is a string (≤100 characters), integer or number.</summary>
public sealed record ApplicationCommandChoice(string Name, JsonElement Value)
{
    public static ApplicationCommandChoice Create(string name, string value) =>
        new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String));

    public static ApplicationCommandChoice Create(string name, long value) =>
        new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64));

    public static ApplicationCommandChoice Create(string name, double value) =>
        new(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Double));

    /// <summary>The value as text, whatever its JSON type.</summary>
    [JsonIgnore]
    public string ValueText => Value.ValueKind == JsonValueKind.String
        ? Value.GetString() ?? ""
        : Value.GetRawText();
}
