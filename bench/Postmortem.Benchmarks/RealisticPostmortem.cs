using Postmortem.Core.Actions;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Timeline;

namespace Postmortem.Benchmarks;

/// <summary>
/// A postmortem the size of the Rust 1.52.0 one: every text section answered (some revised), a timeline,
/// metrics, 20 whys with answers in a branching tree, lessons, corrective actions and action items.
/// </summary>
internal static class RealisticPostmortem
{
    public static readonly UserRef Facilitator = new("100000000000000001", "Felix");
    public static readonly UserRef Wesley = new("100000000000000002", "Wesley");
    public static readonly UserRef Ana = new("100000000000000003", "Ana");

    public const string Paragraph =
        "Rust 1.52.0 enabled a verification of incremental compilation fingerprints that had previously only run "
        + "in debug builds of the compiler. Users with stale incremental caches started to see internal compiler "
        + "errors, and because the check was considered an internal assertion nobody expected user impact.";

    public static async Task<PostmortemId> CreateAsync(PostmortemService service, TimeProvider time)
    {
        var start = time.GetUtcNow();
        var id = (await service.StartAsync("guild-bench", "channel-bench", "1.52.0 incremental compilation ICEs", Facilitator, "high", start.AddDays(-4))).Postmortem!.Id;

        async Task<int> Do(PostmortemCommand command, UserRef? actor = null)
        {
            var outcome = await service.ExecuteAsync(id, command, actor ?? Facilitator);
            if (!outcome.Result.Changed)
            {
                throw new InvalidOperationException($"{command} failed: {outcome.Result.Message}");
            }

            return outcome.Result.CreatedId ?? 0;
        }

        await Do(new AttachThread("thread-bench"));
        await Do(new AnswerSection("summary", Paragraph));
        await Do(new AnswerSection("summary", Paragraph + "\n\n" + Paragraph, BaseRevision: 1), Wesley);
        await Do(new AnswerSection("user-impact", Paragraph), Ana);
        await Do(new AnswerSection("incident-response.detection", "A user filed an issue three days after the release."));
        await Do(new AnswerSection("incident-response.detection-halved", "Crater runs with the check enabled.", BaseRevision: 0), Wesley);
        await Do(new AnswerSection("incident-response.mitigation-knowledge", "That disabling incremental compilation avoids it."), Ana);
        await Do(new AnswerSection("incident-response.mitigation-halved", "A documented point-release checklist."));
        await Do(new AnswerSection("leadup", Paragraph));

        TimelineEntryKind[] kinds =
        [
            TimelineEntryKind.EventStart, TimelineEntryKind.Note, TimelineEntryKind.Detected, TimelineEntryKind.Note,
            TimelineEntryKind.Mitigated, TimelineEntryKind.Note, TimelineEntryKind.Resolved, TimelineEntryKind.EventEnd,
        ];
        for (var i = 0; i < kinds.Length; i++)
        {
            await Do(new AddTimelineEntry(start.AddDays(-4).AddHours(i * 9), $"Timeline step {i + 1}: the release team did something.", kinds[i]));
        }

        await Do(new AddMetricImage("https://example.com/ice-reports.png", null, "ICE reports per day"));
        await Do(new AddMetricTable("| Day | Reports |\n| --- | ---: |\n| 1 | 3 |\n| 2 | 41 |\n| 3 | 97 |", "Reports by day"));

        // 20 whys: four top-level ones, each answered, with two levels of branching follow-ups.
        var rootCauses = new List<int>();
        for (var top = 0; top < 4; top++)
        {
            var why = await Do(new AskWhy(null, $"Why did failure {top + 1} happen?"));
            var answer = await Do(new AnswerWhy(why, "Because an earlier step allowed it. " + Paragraph[..120]), Wesley);
            for (var child = 0; child < 2; child++)
            {
                var followUp = await Do(new AskWhy(answer, $"Why did step {top + 1}.{child + 1} allow it?"));
                var childAnswer = await Do(new AnswerWhy(followUp, "The process did not ask for it. " + Paragraph[..100]), Ana);
                var leaf = await Do(new AskWhy(childAnswer, "Why did the process not ask for it?"));
                var leafAnswer = await Do(new AnswerWhy(leaf, "Nobody owned that step of the release."));
                await Do(new MarkRootCause(leafAnswer));
                rootCauses.Add(leafAnswer);
            }
        }

        var due = DateOnly.FromDateTime(start.UtcDateTime).AddDays(30);
        for (var l = 0; l < 4; l++)
        {
            var lesson = await Do(new AddLesson($"Lesson {l + 1}: ownership of release steps matters.", [rootCauses[l * 2], rootCauses[(l * 2) + 1]]));
            for (var c = 0; c < 2; c++)
            {
                var action = await Do(new AddCorrectiveAction(lesson, $"Corrective action {l + 1}{(char)('a' + c)}: give the step an owner."));
                await Do(new AddActionItem(action, "Find an owner and write it down.", c == 0 ? Wesley : Ana, due.AddDays(l + c)));
            }
        }

        return id;
    }
}
