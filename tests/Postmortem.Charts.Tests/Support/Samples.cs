using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Timeline;

namespace Postmortem.Charts.Tests.Support;

/// <summary>Postmortems to draw: a Rust 1.52.0-like timeline, Five Whys trees of any size, Metrics tables.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Released = new(2021, 5, 6, 15, 0, 0, TimeSpan.Zero);
    public static readonly UserRef Felix = new("100000000000000001", "Felix");

    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly string[] _answers =
    [
        "A new fingerprint verification check turned silent incremental compilation bugs into ICEs.",
        "It landed on nightly months earlier and nothing stopped it riding the trains.",
        "Nightly users reported some, but the reports were triaged as unrelated.",
        "CI services, the hypothesised primary beta users, did not hit the ICEs.",
        "Few end developers use beta at all.",
        "Disabling incremental compilation needed a point release, and point releases are heavy.",
        "There is no playbook for communicating with users after an event.",
        "rustup cannot issue public service announcements.",
    ];

    private static readonly string[] _questions =
    [
        "Why did users hit ICEs after upgrading to 1.52.0?",
        "Why did the check ship in a stable release?",
        "Why did the beta channel fail as a canary for 1.52.0?",
        "Why were the reports not grouped?",
        "Why could users not disable incremental compilation themselves?",
        "Why did mitigation take four days?",
    ];

    public static Core.Postmortem Draft(string title = "Rust 1.52.0 incremental compilation ICEs") =>
        Core.Postmortem.Start("guild-1", "channel-1", title, Felix, Released, "rust-compiler-2021", "high", Released);

    /// <summary>Applies a command that must succeed and returns the created id (if any).</summary>
    public static int Do(this Core.Postmortem postmortem, PostmortemCommand command)
    {
        var result = postmortem.Apply(command, Felix, Released.AddDays(10));
        return result.Succeeded ? result.CreatedId ?? 0 : throw new InvalidOperationException($"{command} failed: {result.Message}");
    }

    /// <summary>The 1.52.0 incident's timeline: start, notes, detection three days later, mitigation, resolution, end.</summary>
    public static Core.Postmortem WithTimeline(this Core.Postmortem pm)
    {
        pm.Do(new AddTimelineEntry(Released, "1.52.0 released", TimelineEntryKind.EventStart));
        pm.Do(new AddTimelineEntry(Released.AddHours(20), "First ICE report filed on GitHub (#84970)", TimelineEntryKind.Note));
        pm.Do(new AddTimelineEntry(Released.AddDays(2).AddHours(2), "More reports with the same fingerprint panic", TimelineEntryKind.Note));
        pm.Do(new AddTimelineEntry(Released.AddDays(3).AddHours(4), "Reports recognised as one problem", TimelineEntryKind.Detected));
        pm.Do(new AddTimelineEntry(Released.AddDays(3).AddHours(9), "Workaround CARGO_INCREMENTAL=0 posted on the issue", TimelineEntryKind.Note));
        pm.Do(new AddTimelineEntry(Released.AddDays(4).AddHours(1), "1.52.1 released with incremental compilation disabled", TimelineEntryKind.Mitigated));
        pm.Do(new AddTimelineEntry(Released.AddDays(4).AddHours(1).AddMinutes(30), "Users on 1.52.1 unaffected", TimelineEntryKind.EventEnd));
        pm.Do(new AddTimelineEntry(Released.AddDays(5).AddHours(3), "Blog post explains the ICE and the workaround", TimelineEntryKind.Resolved));
        return pm;
    }

    /// <summary>
    /// A branching tree of <paramref name="whys"/> whys: <paramref name="topLevel"/> top-level whys, each answer asked
    /// about again until the whys run out (breadth first, at most <paramref name="answersPerWhy"/> answers each);
    /// every third leaf answer is a root cause.
    /// </summary>
    public static Core.Postmortem WithWhys(this Core.Postmortem pm, int whys, int topLevel = 3, int answersPerWhy = 2)
    {
        var queue = new Queue<int>();
        var asked = 0;
        for (var i = 0; i < topLevel && asked < whys; i++, asked++)
        {
            queue.Enqueue(pm.Do(new AskWhy(null, _questions[i % _questions.Length])));
        }

        var answers = new List<int>();
        while (queue.Count > 0)
        {
            var why = queue.Dequeue();
            var count = 1 + (why % answersPerWhy);
            for (var a = 0; a < count; a++)
            {
                var answer = pm.Do(new AnswerWhy(why, _answers[(why + a) % _answers.Length]));
                answers.Add(answer);
                if (asked < whys)
                {
                    queue.Enqueue(pm.Do(new AskWhy(answer, _questions[(why + a + 1) % _questions.Length])));
                    asked++;
                }
            }
        }

        var tree = WhyTree.Build(pm);
        var leaves = tree.Answers.Where(a => a.FollowUps.Count == 0).ToList();
        for (var i = 0; i < leaves.Count; i += 3)
        {
            pm.Do(new MarkRootCause(leaves[i].Answer.Id));
        }

        return pm;
    }

    public static MetricItem Table(string markdown) => new()
    {
        Id = 1,
        Kind = MetricKind.Table,
        Table = markdown,
        Caption = "ICE reports per day",
        Author = Felix,
        At = Released,
    };
}
