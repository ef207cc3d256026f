using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.FiveWhys;

/// <summary>
/// The buttons of the Five Whys: Answer on a why, Ask why about this / Another answer / Root cause on an answer,
/// and Ask a why on the Five Whys prompt (<c>why-first:{postmortem}</c>). They work in the postmortem's thread and
/// its whys thread only; modal-opening buttons answer with the modal itself.
/// </summary>
public sealed class WhyButtons(PostmortemAccess access, PostmortemCommandRunner runner, WhysThread whys) : IComponentHandler
{
    public const string FirstPrefix = "why-first";

    public IReadOnlyCollection<string> Prefixes { get; } =
        [WhyMessages.AnswerPrefix, WhyMessages.FollowUpPrefix, WhyMessages.AnotherPrefix, WhyMessages.RootCausePrefix, FirstPrefix];

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

        if (postmortem.IsReadOnly)
        {
            await context.FailAsync(UserError.ReadOnly().Message, cancellationToken);
            return;
        }

        if (customId.Prefix == FirstPrefix)
        {
            await context.ShowModalAsync(WhyModals.Ask(postmortem.Id, from: null), cancellationToken);
            return;
        }

        if (!customId.TryGetInt(1, out var nodeId))
        {
            await context.FailAsync(InteractionRouter.UnknownComponentMessage, cancellationToken);
            return;
        }

        if (customId.Prefix == WhyMessages.AnswerPrefix)
        {
            await (postmortem.FindWhy(nodeId) is { } why && !postmortem.IsHidden(why)
                ? context.ShowModalAsync(WhyModals.Answer(postmortem.Id, why), cancellationToken)
                : context.FailAsync("This why was retracted; it takes no more answers.", cancellationToken));
            return;
        }

        if (postmortem.FindWhyAnswer(nodeId) is not { } answer || postmortem.IsHidden(answer))
        {
            await context.FailAsync("This answer was retracted.", cancellationToken);
            return;
        }

        await (customId.Prefix switch
        {
            WhyMessages.FollowUpPrefix => context.ShowModalAsync(WhyModals.Ask(postmortem.Id, answer), cancellationToken),
            WhyMessages.AnotherPrefix => context.ShowModalAsync(WhyModals.Answer(postmortem.Id, postmortem.FindWhy(answer.WhyId)!), cancellationToken),
            _ => ToggleRootCauseAsync(context, postmortem, answer, cancellationToken),
        });
    }

    private async Task ToggleRootCauseAsync(InteractionContext context, Core.Postmortem postmortem, WhyAnswer answer, CancellationToken cancellationToken)
    {
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new MarkRootCause(answer.Id, !answer.IsRootCause), cancellationToken);
        if (!outcome.Succeeded || outcome.Postmortem?.FindWhyAnswer(answer.Id) is not { } marked)
        {
            await context.FailAsync(outcome.Result.Message ?? "Nothing changed.", cancellationToken);
            return;
        }

        var redrawn = WhyMessages.Answer(postmortem.Id, marked, hidden: false);
        if (context.Interaction.Message is { } source && !source.Flags.HasFlag(MessageFlags.Ephemeral))
        {
            await context.UpdateMessageAsync(redrawn, cancellationToken);
        }
        else
        {
            var done = marked.IsRootCause ? $"Marked {marked.Label} as a root cause." : $"{marked.Label} is no longer a root cause.";
            await context.ReplyEphemeralAsync(done, cancellationToken: cancellationToken);
            context.AfterResponse(ct => whys.RedrawAsync(outcome.Postmortem!, marked, ct));
        }
    }
}
