namespace Postmortem.Discord.Models;

/// <summary>Component types (components/reference). Int-backed: a type Discord adds later still deserializes.</summary>
public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,
    Section = 9,
    TextDisplay = 10,
    Thumbnail = 11,
    MediaGallery = 12,
    File = 13,
    Separator = 14,
    Container = 17,
    Label = 18,
    FileUpload = 19,
}

/// <summary>Button styles; <see cref="Link"/> needs a url and no custom_id, <see cref="Premium"/> a sku_id.</summary>
public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
    Premium = 6,
}

#pragma warning disable CA1720 // "Short" is Discord's documented name for the one-line style.
public enum TextInputStyle
{
    /// <summary>One line.</summary>
    Short = 1,

    /// <summary>Several lines.</summary>
    Paragraph = 2,
}
#pragma warning restore CA1720
