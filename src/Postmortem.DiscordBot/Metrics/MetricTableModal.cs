using Postmortem.Core.Application;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Metrics;

/// <summary>
/// The table form (<c>metric-table:{postmortem}</c>), opened by Add table on the Metrics prompt or by
/// <c>/postmortem metric table</c>: a Markdown table and a caption. The engine checks the table; a bad one is
/// explained and nothing is saved.
/// </summary>
public sealed class MetricTableModal(PostmortemAccess access, PostmortemCommandRunner runner, PostmortemService service, PromptView prompts)
    : IComponentHandler, IModalHandler
{
    public const string Prefix = "metric-table";
    public const string TableField = "table";
    public const string CaptionField = "caption";

    public IReadOnlyCollection<string> Prefixes { get; } = [Prefix];

    public static ModalData Build(PostmortemId postmortemId) => new(
        CustomId.For(Prefix, postmortemId),
        "Add a table",
        [
            new Label("Markdown table", new TextInput
            {
                CustomId = TableField,
                Style = TextInputStyle.Paragraph,
                MinLength = 1,
                MaxLength = Limits.MaxTextLength,
                Required = true,
                Placeholder = "| Day | ICE reports |\n| --- | --- |\n| Thu | 12 |",
            })
            {
                Description = "A header row, a separator row like | --- | --- |, then the data rows.",
            },
            new Label("Caption", new TextInput { CustomId = CaptionField, Style = TextInputStyle.Short, MaxLength = Limits.MaxCaptionLength, Required = false })
            {
                Description = "What the table shows.",
            },
        ]);

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        // The button sits on the prompt in the postmortem's thread; the form may also come from the command, anywhere.
        var isButton = context.Interaction.Type == InteractionType.MessageComponent;
        if (await access.LoadAsync(context, customId, requireThread: isButton, cancellationToken) is not { } postmortem)
        {
            return;
        }

        if (isButton)
        {
            await (postmortem.IsReadOnly
                ? context.FailAsync(Core.Commands.UserError.ReadOnly().Message, cancellationToken)
                : context.ShowModalAsync(Build(postmortem.Id), cancellationToken));
            return;
        }

        var fields = context.Data.GetModalFields();
        var command = new AddMetricTable(fields.GetValueOrDefault(TableField)?.Value ?? "", fields.GetValueOrDefault(CaptionField)?.Value ?? "");
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, command, cancellationToken);
        if (outcome is not { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } id } || updated.Metrics.FirstOrDefault(m => m.Id == id) is not { } item)
        {
            await context.FailAsync((outcome.Result.Message ?? "The table was not saved.") + " Nothing was changed.", cancellationToken);
            return;
        }

        var done = $"Added {MetricsView.Describe(item)} to Metrics/Graphs.";
        var template = service.TemplateFor(updated);
        if (context.Interaction.Message is { } source && !source.Flags.HasFlag(MessageFlags.Ephemeral)
            && template.FirstOfKind(SectionKind.Metrics) is { } section && TemplateItems.Of(template).Find(section.Key) is { } prompt)
        {
            await context.UpdateMessageAsync(prompts.Render(updated, template, prompt), cancellationToken);
            context.AfterResponse(ct => context.FollowupEphemeralAsync(done, cancellationToken: ct));
            return;
        }

        await context.ReplyEphemeralAsync(done, cancellationToken: cancellationToken);
    }
}
