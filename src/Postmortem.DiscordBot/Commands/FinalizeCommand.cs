using System.Globalization;
using System.Text;
using Postmortem.Core.Application;
using Postmortem.Core.Guilds;
using Postmortem.Core.Linting;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Settings;

namespace Postmortem.DiscordBot.Commands;

/// <summary>
/// <c>/postmortem finalize [id]</c>: shows what the linter still finds and asks for confirmation; confirming makes
/// the postmortem Final and read-only until its facilitator reopens it. Facilitator only (and, when configured,
/// members of the starter role).
/// </summary>
public sealed class FinalizeCommand(
    PostmortemAccess access,
    PostmortemService service,
    PostmortemCommandRunner runner,
    IGuildSettingsStore settingsStore,
    StatusChanges changes,
    LintOptions lintOptions) : SlashCommandHandler, IComponentHandler
{
    public const string ConfirmPrefix = "finalize";
    public const string CancelPrefix = "finalize-cancel";

    private const int ListedFindings = 10;

    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "finalize", "Make the postmortem final and read-only (facilitator only)", PostmortemCommand.PostmortemIdOption);

    public IReadOnlyCollection<string> Prefixes { get; } = [ConfirmPrefix, CancelPrefix];

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        if (await RefusalAsync(context, postmortem, cancellationToken) is { } refusal)
        {
            await context.FailAsync(refusal, cancellationToken);
            return;
        }

        var findings = Linter.Lint(postmortem, service.TemplateFor(postmortem), lintOptions);
        var text = new StringBuilder()
            .Append("Finalize **").Append(DiscordMarkdown.Escape(postmortem.Title, singleLine: true))
            .AppendLine("**? It becomes read-only until you reopen it (action items can still be closed).");
        if (findings.Count == 0)
        {
            text.AppendLine("The linter has no findings.");
        }
        else
        {
            text.Append(findings.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(findings.Count == 1 ? " finding remains:" : " findings remain:");
            foreach (var finding in findings.Take(ListedFindings))
            {
                text.Append("• ").AppendLine(DiscordMarkdown.Truncate(DiscordMarkdown.Escape(finding.Message, singleLine: true), 150));
            }

            if (findings.Count > ListedFindings)
            {
                text.Append("…and ").Append((findings.Count - ListedFindings).ToString(CultureInfo.InvariantCulture)).AppendLine(" more (`/postmortem status`).");
            }

            text.AppendLine(findings.Count == 1
                ? "If you finalize anyway, the exported document keeps it under **Known gaps**."
                : "If you finalize anyway, the exported document keeps them under **Known gaps**.");
        }

        Component[] buttons =
        [
            new ActionRow(
            [
                Button.Danger(CustomId.For(ConfirmPrefix, postmortem.Id), findings.Count == 0 ? "Finalize" : "Finalize anyway"),
                Button.Secondary(CustomId.For(CancelPrefix, postmortem.Id), "Cancel"),
            ]),
        ];
        await context.ReplyEphemeralAsync(DiscordMarkdown.Truncate(text.ToString().TrimEnd(), DiscordLimits.MessageContent), buttons, cancellationToken);
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        access.SuggestAsync(context, focused, cancellationToken);

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (await access.LoadAsync(context, customId, requireThread: false, cancellationToken) is not { } postmortem)
        {
            return;
        }

        if (customId.Prefix == CancelPrefix)
        {
            await context.UpdateMessageAsync(new MessagePayload { Content = "Not finalized; nothing changed.", Components = [] }, cancellationToken);
            return;
        }

        if (await RefusalAsync(context, postmortem, cancellationToken) is { } refusal)
        {
            await context.FailAsync(refusal, cancellationToken);
            return;
        }

        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new Core.Postmortems.Finalize(), cancellationToken);
        if (!outcome.Succeeded || outcome.Postmortem is not { } final)
        {
            await context.FailAsync(outcome.Result.Message ?? "The postmortem was not finalized.", cancellationToken);
            return;
        }

        var notice = $"🔒 **{DiscordMarkdown.Escape(final.Title, singleLine: true)}** is final and read-only. "
            + $"{DiscordMarkdown.Escape(final.Facilitator.DisplayName, singleLine: true)} (the facilitator) can `/postmortem reopen` it.";
        await context.UpdateMessageAsync(new MessagePayload { Content = "Finalized. " + notice, Components = [] }, cancellationToken);
        changes.AfterChange(context, final, notice);
    }

    private async Task<string?> RefusalAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        if (postmortem.Status == PostmortemStatus.Final)
        {
            return "This postmortem is already final.";
        }

        if (!postmortem.IsFacilitator(context.Actor))
        {
            return $"Only the facilitator ({DiscordMarkdown.Escape(postmortem.Facilitator.DisplayName, singleLine: true)}) can finalize this postmortem.";
        }

        var settings = await settingsStore.GetAsync(postmortem.GuildId, cancellationToken);
        return GuildPermissions.MayStartOrFinalize(context, settings) ? null : GuildPermissions.StarterRoleRequired(settings, "finalize");
    }
}
