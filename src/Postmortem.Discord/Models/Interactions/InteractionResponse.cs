using System.Text.Json.Serialization;

namespace Postmortem.Discord.Models;

/// <summary>Interaction callback types (interactions/receiving-and-responding).</summary>
public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}

/// <summary>
/// The body of POST /interactions/{id}/{token}/callback. Build it with the factories, which pair each callback
/// type with the data shape Discord accepts for it. Must reach Discord within 3 s of the interaction.
/// </summary>
public sealed record InteractionResponse(InteractionCallbackType Type, InteractionCallbackData? Data = null)
{
    public static InteractionResponse Pong() => new(InteractionCallbackType.Pong);

    /// <summary>Reply with a message (type 4).</summary>
    public static InteractionResponse Message(MessagePayload message) =>
        new(InteractionCallbackType.ChannelMessageWithSource, message);

    /// <summary>"Thinking…" now, the message later via edit-original (type 5). Only the ephemeral flag is allowed.</summary>
    public static InteractionResponse DeferredMessage(bool ephemeral = false) =>
        new(InteractionCallbackType.DeferredChannelMessageWithSource,
            ephemeral ? new MessagePayload { Flags = MessageFlags.Ephemeral } : null);

    /// <summary>Component interactions: acknowledge now, edit the message later (type 6).</summary>
    public static InteractionResponse DeferredUpdate() => new(InteractionCallbackType.DeferredUpdateMessage);

    /// <summary>Component interactions: edit the message the component is on (type 7).</summary>
    public static InteractionResponse UpdateMessage(MessagePayload message) =>
        new(InteractionCallbackType.UpdateMessage, message);

    /// <summary>Autocomplete suggestions, at most 25 (type 8).</summary>
    public static InteractionResponse Autocomplete(IEnumerable<ApplicationCommandChoice> choices) =>
        new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new AutocompleteResult([.. choices]));

    /// <summary>Open a modal (type 9); not allowed in reply to a modal submit.</summary>
    public static InteractionResponse Modal(ModalData modal) => new(InteractionCallbackType.Modal, modal);
}

/// <summary>The "data" of an interaction response. Serialized by its runtime type; never read back.</summary>
[JsonDerivedType(typeof(MessagePayload))]
[JsonDerivedType(typeof(ModalData))]
[JsonDerivedType(typeof(AutocompleteResult))]
public abstract record InteractionCallbackData;

/// <summary>A modal: custom_id 1–100 characters, title ≤45, 1–5 components (Labels, or legacy ActionRows).</summary>
public sealed record ModalData(string CustomId, string Title, IReadOnlyList<Component> Components) : InteractionCallbackData;

public sealed record AutocompleteResult(IReadOnlyList<ApplicationCommandChoice> Choices) : InteractionCallbackData;
