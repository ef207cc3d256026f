using System.Globalization;
using System.Text;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Linting;
using Postmortem.Core.Templates;
using Postmortem.Core.Text;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Commands;

/// <summary>
/// <c>/postmortem status</c> as pages: progress per section, then every linter finding with how to fix it.
/// Pages are rebuilt from the stored postmortem on every click, so paging never holds state.
/// </summary>
public static class StatusView
{
    public const string Prefix = "status";

    private const int PageBudget = DiscordLimits.MessageContent - 100;

    public static IReadOnlyList<string> Pages(Core.Postmortem postmortem, PostmortemTemplate template, LintOptions? lintOptions)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        var progress = Facilitator.Progress(postmortem, template, lintOptions);
        var findings = Linter.Lint(postmortem, template, lintOptions);
        var lines = new List<string>
        {
            $"**Postmortem #{postmortem.Id}: {DiscordMarkdown.Escape(postmortem.Title, singleLine: true)}** · {StatusText.Of(postmortem.Status)}"
            + $" · {progress.Count(p => p.State == SectionState.Answered)}/{progress.Count} sections done",
        };
        lines.AddRange(progress.Select(p => $"{Icon(p.State)} {p.Title}: {Describe(p.State)}"));
        lines.Add("");
        lines.Add(findings.Count == 0
            ? "**No findings**: the document follows the template."
            : $"**{Counted.Of(findings.Count, "finding")}**, with how to fix each:");
        lines.AddRange(findings.Select((f, i) =>
            DiscordMarkdown.Truncate(
                $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {(f.Severity == LintSeverity.Warning ? "⚠️" : "ℹ️")} "
                + $"{DiscordMarkdown.Escape(f.Message, singleLine: true)}\n   ↳ _{DiscordMarkdown.Escape(f.Hint, singleLine: true)}_",
                PageBudget)));
        return Paginate(lines);
    }

    /// <summary>Page <paramref name="page"/> (0-based, clamped) with Previous/Next buttons when there are several.</summary>
    public static MessagePayload Page(Core.Postmortem postmortem, IReadOnlyList<string> pages, int page)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(pages);
        page = Math.Clamp(page, 0, pages.Count - 1);
        if (pages.Count == 1)
        {
            return InteractionContext.Ephemeral(pages[0], []);
        }

        var content = pages[page] + $"\n-# Page {page + 1} of {pages.Count}";
        Component[] buttons =
        [
            new ActionRow(
            [
                Button.Secondary(CustomId.For(Prefix, postmortem.Id, (page - 1).ToString(CultureInfo.InvariantCulture)), "◀ Previous") with { Disabled = page == 0 },
                Button.Secondary(CustomId.For(Prefix, postmortem.Id, (page + 1).ToString(CultureInfo.InvariantCulture)), "Next ▶") with { Disabled = page == pages.Count - 1 },
            ]),
        ];
        return InteractionContext.Ephemeral(content, buttons);
    }

    private static List<string> Paginate(List<string> lines)
    {
        var pages = new List<string>();
        var page = new StringBuilder();
        foreach (var line in lines)
        {
            if (page.Length > 0 && page.Length + line.Length + 1 > PageBudget)
            {
                pages.Add(page.ToString().TrimEnd());
                page.Clear();
            }

            page.AppendLine(line);
        }

        pages.Add(page.ToString().TrimEnd());
        return pages;
    }

    private static string Icon(SectionState state) => state switch
    {
        SectionState.Answered => "✅",
        SectionState.NeedsWork => "🟡",
        SectionState.Skipped => "⏭️",
        _ => "⬜",
    };

    private static string Describe(SectionState state) => state switch
    {
        SectionState.Answered => "done",
        SectionState.NeedsWork => "started, needs work",
        SectionState.Skipped => "skipped for now",
        _ => "not started",
    };
}
