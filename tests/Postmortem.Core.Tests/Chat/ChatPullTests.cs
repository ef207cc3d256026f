using System.Text.Json;
using Postmortem.Core.Chat;
using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Templates;
using Postmortem.Core.Timeline;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Chat;

/// <summary>Pulling chat messages into a postmortem: each message feeds each part once, and keeps its link.</summary>
public sealed class ChatPullTests
{
    private static readonly ChatSource _message = new("900000000000000001", "https://chat.example/m/1");
    private static readonly ChatSource _other = new("900000000000000002", "https://chat.example/m/2");

    [Fact]
    public void Timeline_TheSameMessageTwice_IsRefused_AndNothingChanges()
    {
        var pm = Draft();
        var id = pm.Do(new AddTimelineEntry(Now, "Rolled back", TimelineEntryKind.Mitigated) { Source = _message });
        var before = Snapshot.Of(pm);

        var again = pm.Apply(new AddTimelineEntry(Now.AddMinutes(5), "Rolled back again") { Source = _message }, Wesley, Now);

        Assert.Equal(ErrorCodes.Duplicate, again.Error!.Code);
        Assert.Contains($"entry {id}", again.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot.Of(pm));
        Assert.Equal(_message, pm.FindTimelineEntry(id)!.Source);
        pm.Do(new AddTimelineEntry(Now, "Another message") { Source = _other });
        pm.Do(new AddTimelineEntry(Now, "Typed by hand"));
        pm.Do(new AddTimelineEntry(Now, "Typed by hand again"));
    }

    [Fact]
    public void Timeline_AfterTheEntryIsRemoved_TheMessageCanBeAddedAgain()
    {
        var pm = Draft();
        var id = pm.Do(new AddTimelineEntry(Now, "Rolled back") { Source = _message });
        pm.Do(new RemoveTimelineEntry(id));

        pm.Do(new AddTimelineEntry(Now, "Rolled back") { Source = _message });
    }

    [Fact]
    public void Metrics_EachImageOfAMessageOnce_AndItsTableOnce()
    {
        var pm = Draft();
        pm.Do(new AddMetricImage("https://cdn.example/a.png", "1", "errors") { Source = _message });
        pm.Do(new AddMetricImage("https://cdn.example/b.png", "2", "errors") { Source = _message });
        pm.Do(new AddMetricTable("| a | b |\n| - | - |\n| 1 | 2 |", "") { Source = _message });

        var image = pm.Apply(new AddMetricImage("https://cdn.example/b.png", "2", "errors") { Source = _message }, Felix, Now);
        var table = pm.Apply(new AddMetricTable("| a | b |\n| - | - |\n| 1 | 2 |", "") { Source = _message }, Felix, Now);

        Assert.Equal(("duplicate", "duplicate"), (image.Error!.Code, table.Error!.Code));
        Assert.Contains("image is already in Metrics/Graphs (item 2)", image.Message, StringComparison.Ordinal);
        Assert.Contains("table is already", table.Message, StringComparison.Ordinal);
        Assert.Equal(3, pm.Metrics.Count);
        Assert.All(pm.Metrics, m => Assert.Equal(_message, m.Source));
    }

    [Fact]
    public void Answers_AMessageJoinsOneSectionOnce_AndAnswersOneWhyOnce()
    {
        var pm = Draft();
        pm.Do(new AnswerSection("summary", "First.") { Source = _message });
        var why = pm.Do(new AskWhy(null, "Why did it break?"));
        var answer = pm.Do(new AnswerWhy(why, "Because.") { Source = _message });

        var section = pm.Apply(new AnswerSection("summary", "First.\n\nFirst.") { Source = _message }, Felix, Now);
        var whyAgain = pm.Apply(new AnswerWhy(why, "Because.") { Source = _message }, Felix, Now);

        Assert.Equal(ErrorCodes.Duplicate, section.Error!.Code);
        Assert.Equal(ErrorCodes.Duplicate, whyAgain.Error!.Code);
        Assert.Equal("First.", pm.FindSection("summary")!.Current!.Text);
        Assert.Equal(["the answer to summary", "answer 1a"], pm.UsesOf(_message.MessageId));
        pm.Do(new RetractWhyAnswer(answer));
        pm.Do(new AnswerWhy(why, "Because.") { Source = _message });
    }

    [Fact]
    public void Sources_SurviveTheStoredSnapshot()
    {
        var pm = Draft();
        pm.Do(new AddTimelineEntry(Now, "Rolled back") { Source = _message });
        pm.Do(new AnswerSection("summary", "First.") { Source = _other });

        var json = JsonSerializer.Serialize(pm.ToState(), PostmortemJsonContext.Default.PostmortemState);
        var restored = Core.Postmortem.FromState(JsonSerializer.Deserialize(json, PostmortemJsonContext.Default.PostmortemState)!);

        Assert.Equal(_message, restored.Timeline[0].Source);
        Assert.Equal(_other, restored.FindSection("summary")!.Current!.Source);
    }

    [Theory]
    [InlineData("one line", "one line")]
    [InlineData("  two\nlines\r\n  here ", "two lines here")]
    public void Excerpt_ForTheTimeline_IsOneLine(string text, string expected) =>
        Assert.Equal(expected, ChatExcerpt.ForTimeline(text));

    [Fact]
    public void Excerpt_TooLong_IsCutAtAWordWithAnEllipsis_NeverInsideAnEmoji()
    {
        var cut = ChatExcerpt.Cut("alpha beta gamma", 13);
        var emoji = ChatExcerpt.Cut(new string('a', 8) + "😀😀", 10);

        Assert.Equal("alpha beta…", cut);
        Assert.Equal(new string('a', 8) + "…", emoji);
        Assert.True(emoji.Length <= 10);
    }

    [Fact]
    public void Table_IsFoundInOrOutOfAFence_WithTheRestAsCaption()
    {
        var fenced = ChatTable.Find("Reports per day:\n```\n| day | n |\n| --- | --- |\n| Mon | 3 |\n```\nsee above");
        var bare = ChatTable.Find("| x | y |\n|---|---|\n| 1 | 2 |");

        Assert.Equal(("| day | n |\n| --- | --- |\n| Mon | 3 |", "Reports per day: see above"), (fenced!.Markdown, fenced.Rest));
        Assert.Equal("", bare!.Rest);
        Assert.Null(ChatTable.Find("a | b but no table"));
        Assert.Null(ChatTable.Find("| just one row |"));
    }

    [Fact]
    public void AnswerTargets_TheCurrentPromptFirst_ThenUnansweredWhys_ThenAnswered()
    {
        var template = BuiltInTemplates.RustCompiler2021;
        var pm = Draft();
        var first = pm.Do(new AskWhy(null, "Why did it break?"));
        var second = pm.Do(new AskWhy(null, "Why was it not caught?"));
        pm.Do(new AnswerWhy(first, "Because."));

        var targets = AnswerTarget.For(pm, template);

        Assert.Equal(Core.Facilitation.Facilitator.NextPrompt(pm, template).SectionKey, targets[0].SectionKey);
        Assert.StartsWith("Current prompt: ", targets[0].Title, StringComparison.Ordinal);
        Assert.Equal([second, first], targets.Where(t => t.WhyId is not null).Select(t => t.WhyId!.Value));
        pm.Do(new Finalize(), Felix);
        Assert.Empty(AnswerTarget.For(pm, template));
    }
}
