using System.Globalization;
using System.Text.Json.Nodes;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Linting;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Templates;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Tests.Dashboard;

/// <summary>
/// The Components V2 dashboard that was tried against the embed one (issue 12, part 6): a container in the
/// status colour, a progress line, one section per template section with its state and an Answer button, the
/// findings and timing below. Kept with the comparison so the trial can be repeated; the bot ships the embed.
/// </summary>
internal static class ComponentsV2Dashboard
{
    public const int Flag = 1 << 15;

    public static JsonArray Components(Core.Postmortem postmortem, PostmortemTemplate template)
    {
        var progress = Facilitator.Progress(postmortem, template);
        var findings = Linter.Lint(postmortem, template);
        var done = progress.Count(p => p.State == SectionState.Answered);
        var bar = new string('▰', done) + new string('▱', progress.Count - done);
        var children = new JsonArray
        {
            Text($"### Postmortem #{postmortem.Id}: {DiscordMarkdown.Escape(postmortem.Title, singleLine: true)}\n"
                + $"**{StatusText.Of(postmortem.Status)}** · Facilitator {DiscordMarkdown.Escape(postmortem.Facilitator.DisplayName, singleLine: true)}"),
            Text($"{bar}  **{done}/{progress.Count}** sections done · **{findings.Count}** open findings"),
            new JsonObject { ["type"] = 14, ["divider"] = true, ["spacing"] = 1 },
        };
        var index = 0;
        foreach (var section in progress)
        {
            var state = section.State switch
            {
                SectionState.Answered => "✅ Answered",
                SectionState.NeedsWork => "🟡 " + (section.Missing.Count > 0 ? DiscordMarkdown.Truncate(section.Missing[0], 120) : "Needs work"),
                SectionState.Skipped => "⏭️ Skipped",
                _ => "⬜ Not started",
            };
            children.Add(new JsonObject
            {
                ["type"] = 9,
                ["components"] = new JsonArray { Text($"**{section.Title}**\n-# {state}") },
                ["accessory"] = new JsonObject
                {
                    ["type"] = 2,
                    ["style"] = section.State == SectionState.Answered ? 2 : 1,
                    ["label"] = section.State == SectionState.Answered ? "Edit" : "Answer",
                    ["custom_id"] = string.Create(CultureInfo.InvariantCulture, $"dash-answer:{postmortem.Id}:{index++}"),
                },
            });
        }

        children.Add(new JsonObject { ["type"] = 14, ["divider"] = true, ["spacing"] = 1 });
        var figures = postmortem.TimelineFigures;
        children.Add(Text($"-# Time to detect: {Duration(figures.TimeToDetect)} · Time to mitigate: {Duration(figures.TimeToMitigate)} · {postmortem.Participants.Count} participants"));
        return
        [
            new JsonObject { ["type"] = 17, ["accent_color"] = Accent(postmortem.Status), ["components"] = children },
            new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray { new JsonObject { ["type"] = 2, ["style"] = 2, ["label"] = "🖼️ Pictures", ["custom_id"] = $"pictures:{postmortem.Id}" } },
            },
        ];
    }

    private static int Accent(PostmortemStatus status) => status switch
    {
        PostmortemStatus.InReview => 0xFEE75C,
        PostmortemStatus.Final => 0x57F287,
        _ => 0x5865F2,
    };

    private static JsonObject Text(string content) => new() { ["type"] = 10, ["content"] = content };

    private static string Duration(TimeSpan? duration) => duration is { } d ? Core.Timeline.DurationFormatter.Format(d) : "not known yet";
}
