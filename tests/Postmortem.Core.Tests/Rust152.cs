using Postmortem.Core.Actions;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.Sections;
using Postmortem.Core.Timeline;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests;

/// <summary>
/// A complete postmortem shaped like the Rust 1.52.0 one: every section written, a 21-why branching tree
/// (including the two-fold "why did beta fail as a canary" branch), 6 lessons, 9 corrective actions and
/// 11 action items, where corrective action 5b has no action item yet (as in the real document).
/// </summary>
internal sealed class Rust152
{
    public static readonly DateTimeOffset Released = new(2021, 5, 6, 15, 0, 0, TimeSpan.Zero);

    private Rust152() => Postmortem = Draft("Rust 1.52.0 incremental compilation ICEs");

    public Core.Postmortem Postmortem { get; }

    public Dictionary<string, int> WhyIds { get; } = [];

    public Dictionary<string, int> AnswerIds { get; } = [];

    public Dictionary<string, int> LessonIds { get; } = [];

    public Dictionary<string, int> ActionIds { get; } = [];

    public Dictionary<string, int> ItemIds { get; } = [];

    public static Rust152 Build()
    {
        var fixture = new Rust152();
        fixture.WriteSections();
        fixture.WriteTimeline();
        fixture.WriteWhys();
        fixture.WriteActions();
        return fixture;
    }

    private void WriteSections()
    {
        var pm = Postmortem;
        pm.Do(new AnswerSection("summary", "Rust 1.52.0 turned silent incremental compilation bugs into internal compiler errors.\n\nThe release team shipped 1.52.1 four days later with incremental compilation disabled."));
        pm.Do(new AddMetricTable("| Day | ICE reports |\n| --- | ---: |\n| Thu | 2 |\n| Sun | 31 |", "ICE reports per day after the release"), Wesley);
        pm.Do(new AnswerSection("user-impact", "Projects built incrementally failed with an internal compiler error until the cache was cleared."), Wesley);
        pm.Do(new AnswerSection("incident-response.detection", "Users filed GitHub issues with the new fingerprint ICE."));
        pm.Do(new AnswerSection("incident-response.detection-halved", "Grouping ICE reports by panic location would have shown the spike on Friday."));
        pm.Do(new AnswerSection("incident-response.mitigation-knowledge", "Bisecting the reports pointed at the fingerprint verification check."));
        pm.Do(new AnswerSection("incident-response.mitigation-halved", "A documented switch to disable incremental compilation in a point release."));
        pm.Do(new AnswerSection("leadup", "The verification check landed on nightly months earlier as a debugging aid and rode the release trains."), Ana);
    }

    private void WriteTimeline()
    {
        var pm = Postmortem;
        pm.Do(new AddTimelineEntry(Released, "1.52.0 released", TimelineEntryKind.EventStart));
        pm.Do(new AddTimelineEntry(Released.AddDays(3).AddHours(4), "Reports recognised as one problem", TimelineEntryKind.Detected));
        pm.Do(new AddTimelineEntry(Released.AddDays(4).AddHours(1), "1.52.1 released with incremental compilation disabled", TimelineEntryKind.Mitigated));
        pm.Do(new AddTimelineEntry(Released.AddDays(4).AddHours(1), "Users on 1.52.1 unaffected", TimelineEntryKind.EventEnd));
    }

    private void WriteWhys()
    {
        Why("1", null, "Why did users hit ICEs after upgrading to 1.52.0?");
        Answer("1a", "1", "A new fingerprint verification check turned silent incremental compilation bugs into ICEs.");
        Why("1.1", "1a", "Why did the check ship in a stable release?");
        Answer("1.1a", "1.1", "It landed on nightly months earlier and nothing stopped it riding the trains.");
        Why("1.1.1", "1.1a", "Why did nightly not surface the ICEs?");
        Answer("1.1.1a", "1.1.1", "Nightly users reported some, but the reports were triaged as unrelated.");
        Why("1.1.1.1", "1.1.1a", "Why were the reports triaged as unrelated?");
        Answer("1.1.1.1a", "1.1.1.1", "They looked like many distinct bugs.");
        Why("1.1.1.1.1", "1.1.1.1a", "Why were the reports not grouped?");
        Answer("1.1.1.1.1a", "1.1.1.1.1", "No tooling groups ICE reports by panic location.", rootCause: true);
        Why("1.1.2", "1.1a", "Why did the beta channel fail as a canary for 1.52.0?");
        Answer("1.1.2a", "1.1.2", "CI services, the hypothesised primary beta users, did not hit the ICEs.");
        Answer("1.1.2b", "1.1.2", "Few end developers use beta at all.");
        Why("1.1.2.1", "1.1.2a", "Why didn't the beta channel cause ICEs for CI services?");
        Answer("1.1.2.1a", "1.1.2.1", "CI builds start from scratch, so incremental compilation is off.", rootCause: true);
        Why("1.1.2.2", "1.1.2b", "Why are end developers favouring nightly or stable over beta?");
        Answer("1.1.2.2a", "1.1.2.2", "Beta offers nothing stable lacks, while nightly offers features.");
        Why("1.1.2.2.1", "1.1.2.2a", "Why not entice developers to use beta, e.g. with features unavailable on stable?");
        Answer("1.1.2.2.1a", "1.1.2.2.1", "Beta adoption has no owner in the release process.", rootCause: true);
        Why("1.2", "1a", "Why did the check produce ICEs instead of warnings?");
        Answer("1.2a", "1.2", "It was written as an assertion, a debugging aid.");
        Why("1.2.1", "1.2a", "Why was an assertion considered safe to ship?");
        Answer("1.2.1a", "1.2.1", "The check was expected never to fire.");
        Why("1.2.1.1", "1.2.1a", "Why was it expected never to fire?");
        Answer("1.2.1.1a", "1.2.1.1", "The incremental bugs it exposes were thought to be rare.");
        Why("1.2.1.1.1", "1.2.1.1a", "Why were they thought to be rare?");
        Answer("1.2.1.1.1a", "1.2.1.1.1", "Silent miscompilations are invisible without such a check.", rootCause: true);
        Why("2", null, "Why did mitigation take four days?");
        Answer("2a", "2", "Disabling incremental compilation needed a point release, and point releases are heavy.");
        Why("2.1", "2a", "Why is a point release heavy?");
        Answer("2.1a", "2.1", "It takes many manual steps across teams.");
        Why("2.1.1", "2.1a", "Why are the steps manual?");
        Answer("2.1.1a", "2.1.1", "Automation was never prioritised for rare point releases.", rootCause: true);
        Why("2.2", "2a", "Why could users not disable incremental compilation themselves?");
        Answer("2.2a", "2.2", "They could, with CARGO_INCREMENTAL=0, but were not told.");
        Why("2.2.1", "2.2a", "Why were users not told?");
        Answer("2.2.1a", "2.2.1", "There is no playbook for communicating with users after an event.", rootCause: true);
        Why("2.2.1.1", "2.2.1a", "Why was there no channel to reach users directly?");
        Answer("2.2.1.1a", "2.2.1.1", "rustup cannot issue public service announcements.", rootCause: true);
        Why("3", null, "Why did the team learn of the problem from users?");
        Answer("3a", "3", "Users report ICEs through GitHub issues and nothing watches their volume.");
        Why("3.1", "3a", "Why does nothing watch ICE report volume?");
        Answer("3.1a", "3.1", "There is no dashboard of ICE reports per release.", rootCause: true);
    }

    private void WriteActions()
    {
        Lesson("1", "We need a way to see ICE reports as one signal.", "1.1.1.1.1a", "3.1a");
        Action("1a", "1", "Group ICE reports by panic location.");
        Item("1a-i", "1a", "Prototype a triage bot label for ICE panic locations.", 14);
        Item("1a-ii", "1a", "Document the label in the triage guide.", 21);
        Action("1b", "1", "Publish a dashboard of ICE reports per release.");
        Item("1b-i", "1b", "Draft the dashboard queries.", 30);
        Lesson("2", "The beta channel is not a canary for incremental compilation.", "1.1.2.1a", "1.1.2.2.1a");
        Action("2a", "2", "Give beta adoption an owner in the release process.");
        Item("2a-i", "2a", "Add beta adoption to the release team agenda.", 7);
        Lesson("3", "Debugging assertions can turn silent bugs into hard failures.", "1.2.1.1.1a");
        Action("3a", "3", "Ship new verification checks as warnings first.");
        Item("3a-i", "3a", "Write the policy for new verification checks.", 30);
        Action("3b", "3", "Track how often verification checks fire on nightly.");
        Item("3b-i", "3b", "Add a counter for fingerprint mismatches to perf runs.", 30);
        Item("3b-ii", "3b", "Review the counter weekly for a month.", 45);
        Lesson("4", "Point releases take too many manual steps.", "2.1.1a");
        Action("4a", "4", "Automate the point release process.");
        Item("4a-i", "4a", "List every manual step of the last point release.", 14);
        Lesson("5", "We need to be willing and able to communicate more quickly with our users after an event like this.", "2.2.1a", "2.2.1.1a");
        Action("5a", "5", "Define a playbook for communicating with users after a user-impacting event.");
        Item("5a-i", "5a", "Survey response playbooks, especially of programming languages.", 21);
        Action("5b", "5", "Add the ability to issue public service announcements from rustup.");
        Lesson("6", "Workarounds help only when users hear about them.");
        Action("6a", "6", "Publish known workarounds on the blog within a day.");
        Item("6a-i", "6a", "Add a workaround template to the blog repository.", 10);
        Item("6a-ii", "6a", "Add the blog step to the incident checklist.", 10);
    }

    private void Why(string path, string? fromAnswer, string question)
    {
        var id = Postmortem.Do(new AskWhy(fromAnswer is null ? null : AnswerIds[fromAnswer], question), Wesley);
        Assert.Equal(path, Postmortem.FindWhy(id)!.Path);
        WhyIds[path] = id;
    }

    private void Answer(string label, string why, string text, bool rootCause = false)
    {
        var id = Postmortem.Do(new AnswerWhy(WhyIds[why], text), Ana);
        Assert.Equal(label, Postmortem.FindWhyAnswer(id)!.Label);
        if (rootCause)
        {
            Postmortem.Do(new MarkRootCause(id));
        }

        AnswerIds[label] = id;
    }

    private void Lesson(string label, string text, params string[] rootCauses)
    {
        var id = Postmortem.Do(new AddLesson(text, [.. rootCauses.Select(r => AnswerIds[r])]));
        Assert.Equal(label, Postmortem.FindLesson(id)!.Label);
        LessonIds[label] = id;
    }

    private void Action(string label, string lesson, string text)
    {
        var id = Postmortem.Do(new AddCorrectiveAction(LessonIds[lesson], text));
        Assert.Equal(label, Postmortem.FindCorrectiveAction(id)!.Label);
        ActionIds[label] = id;
    }

    private void Item(string label, string action, string text, int dueInDays)
    {
        var due = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(dueInDays);
        var id = Postmortem.Do(new AddActionItem(ActionIds[action], text, Wesley, due));
        Assert.Equal(label, Postmortem.FindActionItem(id)!.Label);
        ItemIds[label] = id;
    }
}
