using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// A message as Discord stores it. Embeds and components are the JSON the sender supplied (after validation);
/// treat them as read-only.
/// </summary>
public sealed class EmulatedMessage
{
    internal const int EphemeralFlag = 1 << 6;
    internal const int LoadingFlag = 1 << 7;
    internal const int ComponentsV2Flag = 1 << 15;

    internal EmulatedMessage(ulong id, EmulatedChannel channel, EmulatedUser author, DateTimeOffset createdAt)
    {
        Id = id;
        Channel = channel;
        Author = author;
        CreatedAt = createdAt;
    }

    public ulong Id { get; }

    public EmulatedChannel Channel { get; }

    public EmulatedUser Author { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Message type: 0 default, 19 reply, 20 chat input command, 21 thread starter.</summary>
    public int Type { get; internal set; }

    public string Content { get; internal set; } = "";

    private JsonArray _embeds = [];
    private JsonArray _components = [];

    public JsonArray Embeds
    {
        get => _embeds;
        internal set => _embeds = value.Frozen();
    }

    public JsonArray Components
    {
        get => _components;
        internal set => _components = value.Frozen();
    }

    public IReadOnlyList<EmulatedAttachment> Attachments { get; internal set; } = [];

    public int Flags { get; internal set; }

    public bool IsEphemeral => (Flags & EphemeralFlag) != 0;

    /// <summary>A deferred interaction response still showing "Bot is thinking...".</summary>
    public bool IsLoading => (Flags & LoadingFlag) != 0;

    /// <summary>Null when everyone can see it; the interacting user for ephemeral messages.</summary>
    public EmulatedUser? VisibleTo { get; internal set; }

    public bool IsPinned { get; internal set; }

    public DateTimeOffset? PinnedAt { get; internal set; }

    public DateTimeOffset? EditedAt { get; internal set; }

    public EmulatedMessage? ReplyTo { get; internal init; }

    /// <summary>The nonce it was created with, if the request enforced one (enforce_nonce).</summary>
    internal string? EnforcedNonce { get; init; }

    /// <summary>Who this message really notifies (allowed_mentions applied).</summary>
    public Pings Pings { get; internal set; } = Pings.None;

    /// <summary>The thread started from this message, if any.</summary>
    public EmulatedChannel? Thread { get; internal set; }

    /// <summary>The interaction this message answers, if any.</summary>
    public ulong? InteractionId { get; internal init; }

    internal ulong? WebhookId { get; init; }

    public bool IsDeleted { get; internal set; }

    /// <summary>Every component at any depth (rows, buttons, selects, containers, ...).</summary>
    public IEnumerable<JsonObject> AllComponents => Flatten(Components);

    /// <summary>The component with this custom_id, or null.</summary>
    public JsonObject? FindComponent(string customId) =>
        AllComponents.FirstOrDefault(c => c["custom_id"]?.GetValue<string>() == customId);

    /// <summary>The custom_ids of every interactive component, in order.</summary>
    public IReadOnlyList<string> CustomIds =>
        [.. AllComponents.Select(c => c["custom_id"]?.GetValue<string>()).OfType<string>()];

    /// <summary>The text of every embed (title, description, fields), handy for "contains" assertions.</summary>
    public string EmbedText =>
        string.Join("\n", Embeds.OfType<JsonObject>().SelectMany(EmbedStrings));

    public override string ToString() => $"{Author.Name}: {Content}";

    internal static IEnumerable<JsonObject> Flatten(JsonArray? components)
    {
        foreach (var component in (components ?? []).OfType<JsonObject>())
        {
            yield return component;
            foreach (var child in Flatten(component["components"] as JsonArray))
            {
                yield return child;
            }

            if (component["component"] is JsonObject inner)
            {
                foreach (var child in Flatten([inner.DeepClone()]))
                {
                    yield return child;
                }
            }

            if (component["accessory"] is JsonObject accessory)
            {
                yield return accessory;
            }
        }
    }

    private static IEnumerable<string> EmbedStrings(JsonObject embed)
    {
        foreach (var key in new[] { "title", "description" })
        {
            if (embed[key]?.GetValue<string>() is { } text)
            {
                yield return text;
            }
        }

        foreach (var field in (embed["fields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            yield return $"{field["name"]?.GetValue<string>()}: {field["value"]?.GetValue<string>()}";
        }

        if (embed["footer"]?["text"]?.GetValue<string>() is { } footer)
        {
            yield return footer;
        }
    }
}
