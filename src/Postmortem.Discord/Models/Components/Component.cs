using System.Text.Json;
using System.Text.Json.Serialization;
using Postmortem.Discord.Json;

namespace Postmortem.Discord.Models;

/// <summary>
/// A message or modal component. JSON picks the concrete record by its "type" (see Json/ComponentJsonConverter);
/// a type this library does not model becomes an <see cref="UnknownComponent"/> that keeps its raw JSON.
/// The converter sits on the type, so any JsonSerializerOptions (not just <see cref="DiscordJsonContext"/>) handle it.
/// </summary>
[JsonConverter(typeof(ComponentJsonConverter))]
public abstract record Component
{
    [JsonPropertyOrder(-1)]
    public abstract ComponentType Type { get; }

    /// <summary>Optional numeric id unique within the message (not the custom_id); Discord fills it in if absent.</summary>
    public int? Id { get; init; }
}

/// <summary>Holds up to 5 buttons or 1 select in a message; in legacy modals, 1 text input.</summary>
public sealed record ActionRow(IReadOnlyList<Component> Components) : Component
{
    public override ComponentType Type => ComponentType.ActionRow;
}

/// <summary>A button. Use the factories: a link button has a url and no custom_id; every other style the reverse.</summary>
public sealed record Button : Component
{
    public override ComponentType Type => ComponentType.Button;

    public ButtonStyle Style { get; init; }

    /// <summary>At most 80 characters.</summary>
    public string? Label { get; init; }

    /// <summary>1–100 characters, unique within the message; what the interaction reports back.</summary>
    public string? CustomId { get; init; }

    public Uri? Url { get; init; }

    public PartialEmoji? Emoji { get; init; }

    public bool? Disabled { get; init; }

    public Snowflake? SkuId { get; init; }

    public static Button Primary(string customId, string label) => Create(ButtonStyle.Primary, customId, label);

    public static Button Secondary(string customId, string label) => Create(ButtonStyle.Secondary, customId, label);

    public static Button Success(string customId, string label) => Create(ButtonStyle.Success, customId, label);

    public static Button Danger(string customId, string label) => Create(ButtonStyle.Danger, customId, label);

    public static Button Link(Uri url, string label) => new() { Style = ButtonStyle.Link, Url = url, Label = label };

    private static Button Create(ButtonStyle style, string customId, string label) =>
        new() { Style = style, CustomId = customId, Label = label };
}

/// <summary>What every select menu shares. In a modal submit, <see cref="Values"/> holds the choice.</summary>
public abstract record SelectMenu : Component
{
    public string CustomId { get; init; } = "";

    /// <summary>At most 150 characters.</summary>
    public string? Placeholder { get; init; }

    public int? MinValues { get; init; }

    public int? MaxValues { get; init; }

    public bool? Disabled { get; init; }

    /// <summary>Modals only: whether a choice is required.</summary>
    public bool? Required { get; init; }

    /// <summary>Received only (modal submit): the chosen values.</summary>
    public IReadOnlyList<string>? Values { get; init; }
}

public sealed record StringSelect : SelectMenu
{
    public override ComponentType Type => ComponentType.StringSelect;

    /// <summary>1–25 options.</summary>
    public IReadOnlyList<SelectOption> Options { get; init; } = [];
}

/// <summary>A string select's option; label, value and description are at most 100 characters.</summary>
public sealed record SelectOption(string Label, string Value)
{
    public string? Description { get; init; }

    public PartialEmoji? Emoji { get; init; }

    public bool? Default { get; init; }
}

public sealed record UserSelect : SelectMenu
{
    public override ComponentType Type => ComponentType.UserSelect;
}

public sealed record RoleSelect : SelectMenu
{
    public override ComponentType Type => ComponentType.RoleSelect;
}

public sealed record MentionableSelect : SelectMenu
{
    public override ComponentType Type => ComponentType.MentionableSelect;
}

public sealed record ChannelSelect : SelectMenu
{
    public override ComponentType Type => ComponentType.ChannelSelect;

    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }
}

/// <summary>A modal text field. Put it in a <see cref="Label"/> (recommended) or, legacy, an <see cref="ActionRow"/>.</summary>
public sealed record TextInput : Component
{
    public override ComponentType Type => ComponentType.TextInput;

    public string CustomId { get; init; } = "";

    public TextInputStyle Style { get; init; } = TextInputStyle.Short;

    /// <summary>Deprecated: only for the legacy action-row layout (≤45 characters). Use <see cref="Models.Label"/>.</summary>
    public string? Label { get; init; }

    /// <summary>0–4000.</summary>
    public int? MinLength { get; init; }

    /// <summary>1–4000.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Discord's default is true.</summary>
    public bool? Required { get; init; }

    /// <summary>Pre-filled text when sending (≤4000); the submitted text when received.</summary>
    public string? Value { get; init; }

    /// <summary>At most 100 characters.</summary>
    public string? Placeholder { get; init; }
}

/// <summary>A modal's labelled field (type 18): a label (≤45), an optional description (≤100) and one component.</summary>
public sealed record Label(
    [property: JsonPropertyName("label")] string Text,
    Component Component) : Component
{
    public override ComponentType Type => ComponentType.Label;

    public string? Description { get; init; }
}

/// <summary>Markdown text shown in a modal or a components-v2 message (type 10).</summary>
public sealed record TextDisplay(string Content) : Component
{
    public override ComponentType Type => ComponentType.TextDisplay;
}

/// <summary>A component type this library does not model; its JSON is kept and written back unchanged.</summary>
public sealed record UnknownComponent(int RawType, JsonElement Raw) : Component
{
    public override ComponentType Type => (ComponentType)RawType;
}

/// <summary>An emoji on a button or select option: a unicode <see cref="Name"/>, or a custom emoji's id and name.</summary>
public sealed record PartialEmoji
{
    public Snowflake? Id { get; init; }

    public string? Name { get; init; }

    public bool? Animated { get; init; }
}
