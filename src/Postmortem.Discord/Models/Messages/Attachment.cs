namespace Postmortem.Discord.Models;

/// <summary>A file attached to a message (resources/message "Attachment Object").</summary>
public sealed record Attachment
{
    public Snowflake Id { get; init; }

    public string Filename { get; init; } = "";

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? ContentType { get; init; }

    public long Size { get; init; }

    public Uri? Url { get; init; }

    public Uri? ProxyUrl { get; init; }

    public bool? Ephemeral { get; init; }
}
