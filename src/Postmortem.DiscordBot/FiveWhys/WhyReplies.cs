using Microsoft.Extensions.Logging;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// Answers an interaction that created a why or an answer, whose message then goes to the whys thread (Discord
/// work, so the answer is deferred first). In the whys thread itself the new message is the only reply; elsewhere
/// the actor privately learns where it went.
/// </summary>
public sealed partial class WhyReplies(WhysThread whys, ILogger<WhyReplies> logger)
{
    public async Task PublishAsync(
        InteractionContext context,
        Core.Postmortem postmortem,
        string created,
        Func<CancellationToken, Task<Message>> post,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(post);
        var quiet = context.Interaction.Message is { } source && !source.Flags.HasFlag(MessageFlags.Ephemeral)
            && await whys.FindAsync(postmortem.Id, cancellationToken) == context.ChannelId;
        if (quiet)
        {
            await context.DeferUpdateAsync(cancellationToken);
        }
        else
        {
            await context.DeferAsync(ephemeral: true, cancellationToken);
        }

        Message posted;
        try
        {
            posted = await post(cancellationToken);
        }
        catch (DiscordHttpException ex)
        {
            LogPostFailed(logger, postmortem.Id.Value, created, ex.Message);
            await context.FailAsync(
                $"Saved {created}, but I could not post it in the Five Whys thread ({ex.DiscordMessage ?? ex.StatusCode.ToString()}). "
                + "`/postmortem whys` shows it; I need permission to create public threads and send messages in them.",
                cancellationToken);
            return;
        }

        if (!quiet)
        {
            await context.EditOriginalAsync(new MessagePayload { Content = $"Saved {created} in <#{posted.ChannelId}>." }, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postmortem {PostmortemId}: could not post {Node} in the Five Whys thread: {Reason}")]
    private static partial void LogPostFailed(ILogger logger, long postmortemId, string node, string reason);
}
