using Postmortem.Core.Pictures;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Pictures;

/// <summary>Pictures as message attachments, and the deferred answer that carries them.</summary>
public static class PictureUploads
{
    /// <summary>Discord's limit of attachments per message.</summary>
    public const int MaxPerMessage = FileUpload.MaxPerMessage;

    public static FileUpload ToUpload(PostmortemImage image, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new FileUpload(fileName ?? image.FileName, image.Png)
        {
            ContentType = "image/png",
            Description = DiscordMarkdown.Truncate(image.AltText, 1024),
        };
    }

    /// <summary>
    /// Defers (drawing can take longer than Discord's 3 seconds), draws, then fills in the answer: the message made
    /// for what was drawn, with the pictures attached (at most 10).
    /// </summary>
    public static async Task ReplyAsync(
        InteractionContext context,
        bool ephemeral,
        Func<IReadOnlyList<PostmortemImage>> draw,
        Func<IReadOnlyList<PostmortemImage>, MessagePayload> message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentNullException.ThrowIfNull(message);
        await context.DeferAsync(ephemeral, cancellationToken);
        var images = draw().Take(MaxPerMessage).ToList();
        await context.EditOriginalAsync(message(images) with { Flags = null, Files = [.. images.Select(i => ToUpload(i))] }, cancellationToken);
    }
}
