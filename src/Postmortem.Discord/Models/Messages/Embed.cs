namespace Postmortem.Discord.Models;

/// <summary>
/// A rich embed (resources/message "Embed Object"). Limits: title 256, description 4096, ≤25 fields (name 256,
/// value 1024), footer 2048, author name 256, and 6000 characters across all embeds of a message.
/// </summary>
public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public Uri? Url { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>RGB as an integer, e.g. 0x5865F2.</summary>
    public int? Color { get; init; }

    public EmbedFooter? Footer { get; init; }

    public EmbedAuthor? Author { get; init; }

    public EmbedMedia? Image { get; init; }

    public EmbedMedia? Thumbnail { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }
}

public sealed record EmbedField(string Name, string Value, bool? Inline = null);

public sealed record EmbedFooter(string Text)
{
    public Uri? IconUrl { get; init; }
}

public sealed record EmbedAuthor(string Name)
{
    public Uri? Url { get; init; }

    public Uri? IconUrl { get; init; }
}

public sealed record EmbedMedia(Uri Url)
{
    public int? Height { get; init; }

    public int? Width { get; init; }
}
