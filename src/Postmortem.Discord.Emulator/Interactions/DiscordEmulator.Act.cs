using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>Arrange the world and act as its users.</summary>
public sealed partial class DiscordEmulator
{
    // ---- arrange ----

    /// <summary>A guild the bot is already in (GUILD_CREATE on Identify, or live if the bot is connected).</summary>
    public EmulatedGuild CreateGuild(string name) => _state.CreateGuild(name);

    public EmulatedUser CreateUser(string name, bool acceptsDms = true) => _state.CreateUser(name, acceptsDms);

    /// <summary>The DM channel between the bot and <paramref name="user"/>, as the user would open it.</summary>
    public EmulatedChannel OpenDm(EmulatedUser user) => _state.OpenDm(user);

    // ---- act: messages ----

    /// <summary>The user posts a message: MESSAGE_CREATE goes out with Discord's message-content rules applied.</summary>
    public Task<EmulatedMessage> PostMessageAsync(EmulatedUser user, EmulatedChannel channel, string content,
        EmulatedMessage? replyTo = null, IReadOnlyList<FileUpload>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(channel);
        RequireAccess(user, channel);
        if (channel.Kind == ChannelKind.GuildForum)
        {
            throw new InvalidOperationException($"Nobody can post directly in forum channel {channel.Name}; post in one of its threads.");
        }

        var message = new EmulatedMessage(_state.NextId(), channel, user, _state.Time.GetUtcNow())
        {
            ReplyTo = replyTo,
            Type = replyTo is null ? 0 : 19,
            Content = content,
            Attachments = [.. (attachments ?? []).Select(a => new EmulatedAttachment(_state.NextId(), a.FileName, a.ContentType, a.Content, null))],
            Pings = MentionRules.Compute(content, null, replyTo, user),
        };
        _state.AddMessage(message);
        return Task.FromResult(message);
    }

    // ---- act: interactions ----

    /// <summary>
    /// The user runs a slash command; <paramref name="subcommand"/> is "start" or, for a group, "admin reset".
    /// <paramref name="options"/> is an anonymous object or a dictionary of option name to value
    /// (string, number, bool, <see cref="EmulatedUser"/>, <see cref="EmulatedRole"/>, <see cref="EmulatedChannel"/>, <see cref="FileUpload"/>).
    /// </summary>
    public Task<InteractionHandle> RunSlashCommandAsync(EmulatedUser user, EmulatedChannel channel, string command,
        string? subcommand = null, object? options = null)
    {
        var registered = FindCommand(user, channel, command);
        var (built, resolved) = CommandInvocation.Build(registered, subcommand, OptionValues(options), _state, channel, focused: null);
        return SendInteractionAsync(user, channel, 2, CommandData(registered, built, resolved), source: null, modalSource: null);
    }

    /// <summary>The user types into option <paramref name="focused"/>; the bot should answer with choices (type 8).</summary>
    public Task<InteractionHandle> AutocompleteAsync(EmulatedUser user, EmulatedChannel channel, string command,
        string? subcommand, string focused, string typed, object? otherOptions = null)
    {
        var registered = FindCommand(user, channel, command);
        var values = new Dictionary<string, object?>(OptionValues(otherOptions)) { [focused] = typed };
        var (built, resolved) = CommandInvocation.Build(registered, subcommand, values, _state, channel, focused);
        return SendInteractionAsync(user, channel, 4, CommandData(registered, built, resolved), source: null, modalSource: null);
    }

    /// <summary>
    /// The user picks Apps › <paramref name="name"/> on <paramref name="message"/>: a message command (type 3) whose
    /// <c>data.target_id</c> is the message and <c>data.resolved.messages</c> holds it whole. Discord sends the
    /// content of a context-menu target even to apps without the Message Content intent.
    /// </summary>
    public Task<InteractionHandle> RunMessageCommandAsync(EmulatedUser user, EmulatedMessage message, string name)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.IsDeleted)
        {
            throw new InvalidOperationException($"Message {message.Id} was deleted.");
        }

        if (message.VisibleTo is { } owner && owner != user)
        {
            throw new InvalidOperationException($"Message {message.Id} is ephemeral and only {owner.Name} can see it.");
        }

        var registered = FindCommand(user, message.Channel, name, MessageCommandType);
        var resolved = new JsonObject
        {
            ["messages"] = new JsonObject { [DiscordJson.Id(message.Id)] = DiscordJson.Message(message, _state.BaseUrl) },
        };
        var data = CommandData(registered, [], resolved);
        data["target_id"] = DiscordJson.Id(message.Id);
        return SendInteractionAsync(user, message.Channel, 2, data, source: null, modalSource: null);
    }

    public Task<InteractionHandle> ClickButtonAsync(EmulatedUser user, EmulatedMessage message, string customId)
    {
        var button = FindUsableComponent(user, message, customId);
        if (button["type"].Int() != 2 || button["style"].Int() == 5)
        {
            throw new InvalidOperationException($"'{customId}' is not a button that sends an interaction.");
        }

        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        CopyComponentId(button, data);
        return SendInteractionAsync(user, message.Channel, 3, data, message, modalSource: null);
    }

    /// <summary>
    /// Sends a button click with a custom_id the message does not carry, as a tampered client might. Discord itself
    /// would refuse it; tests use it to check that the bot rejects forged or copied ids on its own.
    /// </summary>
    public Task<InteractionHandle> ClickForgedButtonAsync(EmulatedUser user, EmulatedMessage message, string customId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        return SendInteractionAsync(user, message.Channel, 3, data, message, modalSource: null);
    }

    /// <summary>The user picks <paramref name="values"/> in a select menu (checked against its options and min/max).</summary>
    public Task<InteractionHandle> SelectAsync(EmulatedUser user, EmulatedMessage message, string customId, params string[] values)
    {
        var select = FindUsableComponent(user, message, customId);
        var type = (int)(select["type"].Int() ?? 0);
        if (type is not (3 or 5 or 6 or 7 or 8))
        {
            throw new InvalidOperationException($"'{customId}' is not a select menu.");
        }

        var min = select["min_values"].Int() ?? 1;
        var max = select["max_values"].Int() ?? 1;
        if (values.Length < min || values.Length > max)
        {
            throw new ArgumentException($"Select '{customId}' takes {min}-{max} values; got {values.Length}.", nameof(values));
        }

        var offered = select["options"].Objects().Select(o => o["value"].Str()).ToList();
        if (type == 3 && values.FirstOrDefault(v => !offered.Contains(v)) is { } bad)
        {
            throw new ArgumentException($"Select '{customId}' has no option '{bad}'; it offers: {string.Join(", ", offered)}.", nameof(values));
        }

        var data = new JsonObject
        {
            ["custom_id"] = customId,
            ["component_type"] = type,
            ["values"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
        };
        CopyComponentId(select, data);
        return SendInteractionAsync(user, message.Channel, 3, data, message, modalSource: null);
    }

    /// <summary>
    /// The user fills in and submits the modal the bot opened in response to <paramref name="modalSource"/>.
    /// <paramref name="values"/> maps text input custom_ids to text; <paramref name="selections"/> maps selects to values.
    /// </summary>
    public Task<InteractionHandle> SubmitModalAsync(EmulatedUser user, InteractionHandle modalSource,
        IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string[]>? selections = null)
    {
        ArgumentNullException.ThrowIfNull(modalSource);
        var modal = modalSource.Modal
            ?? throw new InvalidOperationException($"The bot did not open a modal in response to {modalSource}.");
        if (modalSource.User != user)
        {
            throw new InvalidOperationException($"Only {modalSource.User.Name} sees the modal from {modalSource}.");
        }

        lock (_state.Gate)
        {
            if (!_submittedModals.Add(modalSource.Id))
            {
                throw new InvalidOperationException($"The modal from {modalSource} was already submitted (the client closes it).");
            }
        }

        var data = ModalSubmission.Build(modal, values, selections ?? new Dictionary<string, string[]>());
        return SendInteractionAsync(user, modalSource.Channel, 5, data, modalSource.SourceMessage, modalSource);
    }

    private readonly HashSet<ulong> _submittedModals = [];

    private async Task<InteractionHandle> SendInteractionAsync(EmulatedUser user, EmulatedChannel channel, int type,
        JsonObject data, EmulatedMessage? source, InteractionHandle? modalSource)
    {
        RequireAccess(user, channel);
        await Gateway.WaitForReadyAsync();
        var interaction = new InteractionHandle(_state, _state.NextId(), NewInteractionToken(), type, user, channel, _state.Time.GetUtcNow())
        {
            SourceMessage = source,
            ModalSource = modalSource,
        };
        interaction.Payload = InteractionPayloads.Build(interaction, data, _state);
        _state.AddInteraction(interaction);
        _state.Dispatch(GatewayEvents.InteractionCreate(interaction));
        return interaction;
    }

    private const int ChatInputType = 1;
    private const int MessageCommandType = 3;

    private RegisteredCommand FindCommand(EmulatedUser user, EmulatedChannel channel, string name, int type = ChatInputType)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(channel);
        var command = _state.FindCommand(name, type, channel.Guild)
            ?? throw new InvalidOperationException(
                $"{(type == ChatInputType ? "/" : "Message command ")}{name} is not registered for {channel}. Registered: "
                + $"{string.Join(", ", _state.Commands.Select(c => $"{(c.Type == ChatInputType ? "/" : "[message] ")}{c.Name}{(c.GuildId is null ? "" : " (guild)")}"))}.");
        if (channel.Guild is null && !UsableInDms(command))
        {
            throw new InvalidOperationException($"/{name} is not available in DMs (contexts / dm_permission).");
        }

        return command;
    }

    /// <summary>Global commands work in bot DMs when contexts include BOT_DM (1), or, without contexts, unless dm_permission is false.</summary>
    private static bool UsableInDms(RegisteredCommand command) =>
        command.GuildId is null
        && (command.Definition["contexts"] is JsonArray contexts
            ? contexts.Any(c => c.Int() == 1)
            : command.Definition["dm_permission"].Bool() != false);

    private static JsonObject CommandData(RegisteredCommand command, JsonArray options, JsonObject resolved)
    {
        var data = new JsonObject
        {
            ["id"] = DiscordJson.Id(command.Id),
            ["name"] = command.Name,
            ["type"] = command.Type,
        };
        if (options.Count > 0)
        {
            data["options"] = options;
        }

        if (resolved.Count > 0)
        {
            data["resolved"] = resolved;
        }

        if (command.GuildId is { } guildId)
        {
            data["guild_id"] = DiscordJson.Id(guildId);
        }

        return data;
    }

    private static JsonObject FindUsableComponent(EmulatedUser user, EmulatedMessage message, string customId)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(message);
        if (message.IsDeleted)
        {
            throw new InvalidOperationException($"Message {message.Id} was deleted.");
        }

        if (message.VisibleTo is { } owner && owner != user)
        {
            throw new InvalidOperationException($"Message {message.Id} is ephemeral and only {owner.Name} can see it.");
        }

        var component = message.FindComponent(customId)
            ?? throw new InvalidOperationException($"Message {message.Id} has no component '{customId}'; it has: {string.Join(", ", message.CustomIds)}.");
        return component["disabled"].Bool() == true
            ? throw new InvalidOperationException($"Component '{customId}' is disabled.")
            : component;
    }

    private static void CopyComponentId(JsonObject component, JsonObject data)
    {
        if (component["id"].Int() is { } id)
        {
            data["id"] = id;
        }
    }

    private static void RequireAccess(EmulatedUser user, EmulatedChannel channel)
    {
        if (channel.Guild is { } guild && guild.GetMember(user) is null)
        {
            throw new InvalidOperationException($"{user.Name} is not a member of {guild.Name}: call guild.AddMember first.");
        }

        if (channel.Kind == ChannelKind.Dm && channel.Recipient != user)
        {
            throw new InvalidOperationException($"{channel} is the bot's DM with {channel.Recipient?.Name}, not {user.Name}.");
        }
    }

    private static IReadOnlyDictionary<string, object?> OptionValues(object? options) => options switch
    {
        null => new Dictionary<string, object?>(),
        IReadOnlyDictionary<string, object?> dictionary => dictionary,
        IDictionary<string, object> dictionary => dictionary.ToDictionary(p => p.Key, p => (object?)p.Value),
        _ => options.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(options)),
    };

    private static string NewInteractionToken() =>
        $"aW50ZXJhY3Rpb246{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";
}
