using System.Globalization;
using Postmortem.Core.Application;
using Postmortem.Core.Chat;
using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.FiveWhys;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Chat;

/// <summary>
/// Apps › <b>Use as answer</b> on a message: a form with its text (editable, mentions made neutral) that answers
/// the current prompt or a chosen why (<see cref="AnswerTarget.For"/>), picked together with the postmortem when
/// there is a choice. A section gets the text as a further paragraph; a why gets a new answer, posted in the Five
/// Whys thread. The same message answers the same part once. Modal id:
/// <c>chat-answer:{channel}:{message}</c>, plus <c>:{postmortem}:{s|w}:{section ref or why id}</c> when there was nothing to pick.
/// </summary>
public sealed class UseAsAnswerMenu(
    ChatPostmortems candidates,
    PostmortemAccess access,
    PostmortemCommandRunner runner,
    PostmortemService service,
    WhysThread whys,
    WhyReplies replies) : IMessageCommandHandler, IModalHandler
{
    public const string MenuName = "Use as answer";
    public const string Prefix = "chat-answer";
    public const string TargetField = "target";
    public const string TextField = "text";
    public const string NoText = "This message has no text to use as an answer.";
    public const string NothingToAnswer =
        "No open postmortem here asks for an answer right now (no text prompt and no why). Nothing was changed.";

    private const string SectionTarget = "s";
    private const string WhyTarget = "w";
    private const int MaxAttempts = 3;

    public string Name => MenuName;

    public IReadOnlyCollection<string> Prefixes { get; } = [Prefix];

    public async Task HandleAsync(InteractionContext context, Message target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        if (context.GuildId is not { } guildId)
        {
            await context.FailAsync(PostmortemAccess.OnlyInServers, cancellationToken);
            return;
        }

        var text = ChatExcerpt.ForAnswer(ChatMessages.Neutral(target.Content), DiscordLimits.ModalTextInput);
        if (text.Length == 0)
        {
            await context.FailAsync(NoText, cancellationToken);
            return;
        }

        var open = await candidates.OpenInAsync(guildId, context.ChannelId, cancellationToken);
        if (open.Count == 0)
        {
            await context.FailAsync(ChatPostmortems.NoneOpen, cancellationToken);
            return;
        }

        var choices = open
            .SelectMany(p => AnswerTarget.For(p, service.TemplateFor(p)).Select(t => (Postmortem: p, Target: t)))
            .Take(25)
            .ToList();
        if (choices.Count == 0)
        {
            await context.FailAsync(NothingToAnswer, cancellationToken);
            return;
        }

        var args = new List<string> { target.ChannelId.ToString(), target.Id.ToString() };
        var components = new List<Component>();
        if (choices is [var only])
        {
            args.AddRange(Encode(only.Postmortem, only.Target).Split(':'));
            components.Add(new TextDisplay(DiscordMarkdown.Escape($"Answers #{only.Postmortem.Id} · {only.Target.Title}", singleLine: true)));
        }
        else
        {
            components.Add(new Label("Answers what", new StringSelect
            {
                CustomId = TargetField,
                Options = [.. choices.Select((c, i) => new SelectOption(Describe(c.Postmortem, c.Target, open.Count > 1), Encode(c.Postmortem, c.Target)) { Default = i == 0 ? true : null })],
                MinValues = 1,
                MaxValues = 1,
                Required = true,
            }));
        }

        components.Add(new Label("Answer", new TextInput
        {
            CustomId = TextField,
            Style = TextInputStyle.Paragraph,
            MinLength = 1,
            MaxLength = DiscordLimits.ModalTextInput,
            Required = true,
            Value = text,
        })
        {
            Description = "The message's text; edit it so it describes processes, not people.",
        });
        await context.ShowModalAsync(new ModalData(CustomId.Format(Prefix, args), "Use as answer", components), cancellationToken);
    }

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        var picked = customId.Args.Count >= 5
            ? string.Join(':', customId.Args.Skip(2))
            : context.Data.GetModalFields().GetValueOrDefault(TargetField)?.Values is [var value, ..] ? value : "";
        if (context.GuildId is not { } guildId || !Snowflake.TryParse(customId.Arg(0), out var channelId) || !Snowflake.TryParse(customId.Arg(1), out var messageId)
            || Decode(picked) is not { } target)
        {
            await context.FailAsync(InteractionRouter.UnknownComponentMessage, cancellationToken);
            return;
        }

        if (await access.LoadAsync(context, target.Postmortem, requireThread: false, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var source = ChatMessages.Source(guildId, channelId, messageId);
        var text = context.Data.GetModalValue(TextField) ?? "";
        if (target.WhyId is { } whyId)
        {
            await AnswerWhyAsync(context, postmortem, whyId, text, source, cancellationToken);
            return;
        }

        if (TemplateItems.Of(service.TemplateFor(postmortem)).Resolve(target.SectionRef) is not { IsAnswerable: true } item)
        {
            await context.FailAsync(InteractionRouter.UnknownComponentMessage, cancellationToken);
            return;
        }

        var outcome = await AppendAsync(context, postmortem.Id, item.Key, text, source, cancellationToken);
        if (!outcome.Succeeded)
        {
            await context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken);
            return;
        }

        await context.ReplyEphemeralAsync($"Added to **{DiscordMarkdown.Escape(item.Title, singleLine: true)}** of #{postmortem.Id} ([message]({source.Link})).", cancellationToken: cancellationToken);
        WhySubmitted.Nudge(context, outcome.Postmortem ?? postmortem, text, item.Title);
    }

    private async Task AnswerWhyAsync(InteractionContext context, Core.Postmortem postmortem, int whyId, string text, ChatSource source, CancellationToken cancellationToken)
    {
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new AnswerWhy(whyId, text) { Source = source }, cancellationToken);
        if (outcome is not { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } answerId })
        {
            await context.FailAsync(outcome.Result.Message ?? "The answer was not saved.", cancellationToken);
            return;
        }

        var answer = updated.FindWhyAnswer(answerId)!;
        await replies.PublishAsync(context, updated, $"answer **{answer.Label}**", ct => whys.PostAsync(updated, answer, ct), cancellationToken);
        WhySubmitted.Nudge(context, updated, text, answer.Label);
    }

    // The message adds a paragraph to what is there; a concurrent edit of the same answer is re-read and appended to.
    private async Task<CommandOutcome> AppendAsync(
        InteractionContext context, PostmortemId id, string key, string addition, ChatSource source, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = (await service.GetAsync(id, cancellationToken))?.FindSection(key);
            var text = current is { HasText: true } ? current.Current!.Text + "\n\n" + addition.Trim() : addition;
            var command = new AnswerSection(key, text, current?.CurrentRevision ?? 0) { Source = source };
            var outcome = await runner.ExecuteAsync(context, id, command, cancellationToken);
            if (outcome.Result.Status != CommandStatus.Conflict || attempt == MaxAttempts)
            {
                return outcome;
            }
        }
    }

    private string Encode(Core.Postmortem postmortem, AnswerTarget target) =>
        target.WhyId is { } whyId
            ? string.Create(CultureInfo.InvariantCulture, $"{postmortem.Id}:{WhyTarget}:{whyId}")
            : $"{postmortem.Id}:{SectionTarget}:{TemplateItems.Of(service.TemplateFor(postmortem)).Ref(target.SectionKey)}";

    private static string Describe(Core.Postmortem postmortem, AnswerTarget target, bool namePostmortem) =>
        DiscordMarkdown.Truncate(namePostmortem ? $"#{postmortem.Id} · {target.Title}" : target.Title, 100);

    private static (PostmortemId Postmortem, int? WhyId, string SectionRef)? Decode(string value)
    {
        var parts = value.Split(':');
        if (parts.Length != 3 || !PostmortemId.TryParse(parts[0], out var id))
        {
            return null;
        }

        return parts[1] switch
        {
            WhyTarget when int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var whyId) => (id, whyId, ""),
            SectionTarget when parts[2].Length > 0 => (id, null, parts[2]),
            _ => null,
        };
    }
}
