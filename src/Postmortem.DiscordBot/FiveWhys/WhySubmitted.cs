using Postmortem.Core.FiveWhys;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// A submitted Five Whys modal: the answer or the why is saved, then posted as its own message in the whys thread.
/// Several people may answer different whys at the same moment; the engine's retry makes every one land.
/// </summary>
public sealed class WhySubmitted(PostmortemAccess access, PostmortemCommandRunner runner, WhysThread whys, WhyReplies replies) : IModalHandler
{
    public IReadOnlyCollection<string> Prefixes { get; } = [WhyModals.AnswerPrefix, WhyModals.AskPrefix];

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (await access.LoadAsync(context, customId, requireThread: false, cancellationToken) is not { } postmortem)
        {
            return;
        }

        if (!await whys.BelongsAsync(postmortem, context.ChannelId, cancellationToken))
        {
            await context.FailAsync(PostmortemAccess.NotFoundHere(postmortem.Id), cancellationToken);
            return;
        }

        var text = context.Data.GetModalValue(WhyModals.TextField) ?? "";
        int? nodeId = customId.TryGetInt(1, out var parsed) ? parsed : null;
        if (customId.Prefix == WhyModals.AnswerPrefix && nodeId is { } whyId)
        {
            var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AnswerWhy(whyId, text), cancellationToken);
            if (outcome is not { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } answerId })
            {
                await context.FailAsync(outcome.Result.Message ?? "The answer was not saved.", cancellationToken);
                return;
            }

            var answer = updated.FindWhyAnswer(answerId)!;
            await replies.PublishAsync(context, updated, $"answer **{answer.Label}**", ct => whys.PostAsync(updated, answer, ct), cancellationToken);
            Nudge(context, updated, text, answer.Label);
            return;
        }

        if (customId.Prefix == WhyModals.AskPrefix && (nodeId is not null || customId.Args.Count == 1))
        {
            var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AskWhy(nodeId, text), cancellationToken);
            if (outcome is not { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } createdWhyId })
            {
                await context.FailAsync(outcome.Result.Message ?? "The why was not saved.", cancellationToken);
                return;
            }

            var why = updated.FindWhy(createdWhyId)!;
            await replies.PublishAsync(context, updated, $"**Why {why.Path}**", ct => whys.PostAsync(updated, why, ct), cancellationToken);
            Nudge(context, updated, text, $"Why {why.Path}");
            return;
        }

        await context.FailAsync(InteractionRouter.UnknownComponentMessage, cancellationToken);
    }

    /// <summary>Saved anyway; the author privately gets a process-focused rewording when the text names or blames.</summary>
    internal static void Nudge(InteractionContext context, Core.Postmortem postmortem, string text, string where)
    {
        if (BlamelessNudge.For(text, where, ThreadNames.Of(postmortem, context)) is { } nudge)
        {
            context.AfterResponse(ct => context.FollowupEphemeralAsync(nudge, cancellationToken: ct));
        }
    }
}
