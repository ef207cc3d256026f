using Postmortem.Core.Facilitation;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Templates;
using Postmortem.DiscordBot.Prompts;

namespace Postmortem.DiscordBot.Tests.Prompts;

public sealed class TemplateItemsTests
{
    private static readonly UserRef _alice = new("1", "alice");
    private static readonly DateTimeOffset _now = new(2026, 5, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Items_FollowTheTemplate_WithQuestionsInPlaceOfTheirSection()
    {
        var keys = TemplateItems.Of(BuiltInTemplates.RustCompiler2021).All.Select(i => i.Key).ToList();

        Assert.Equal(
            ["summary", "metrics", "user-impact", "incident-response.detection", "incident-response.detection-halved",
             "incident-response.mitigation-knowledge", "incident-response.mitigation-halved", "timeline", "leadup", "five-whys", "lessons"],
            keys);
    }

    [Fact]
    public void Ref_ShortensLongKeys_AndResolvesThemBack()
    {
        var longKey = "a-custom-section-with-a-really-very-extremely-long-key-name";
        var template = new PostmortemTemplate("custom", "Custom",
        [
            new TemplateSection("summary", "Summary", SectionKind.Text, "What happened?", "", SectionRules.None, []),
            new TemplateSection(longKey, "Long", SectionKind.Text, "Tell us more.", "", SectionRules.None, []),
        ]);
        var items = TemplateItems.Of(template);

        Assert.Equal("summary", items.Ref("summary"));
        Assert.Equal("~1", items.Ref(longKey));
        Assert.Equal(longKey, items.Resolve("~1")!.Key);
        Assert.Null(items.Resolve("~9"));
        Assert.Null(items.Resolve("nope"));
    }

    [Fact]
    public void Next_AsksTheNextOpenPart_SkippingAnsweredAndSkippedOnes()
    {
        var template = BuiltInTemplates.RustCompiler2021;
        var postmortem = Core.Postmortem.Start("g", "c", "Outage", _alice, _now, template.Id);
        Assert.Equal("summary", PromptNavigator.Next(postmortem, template).SectionKey);

        postmortem.Apply(new AnswerSection("user-impact", "Builds broke."), _alice, _now);
        postmortem.Apply(new SkipSection("incident-response.detection"), _alice, _now);

        Assert.Equal("metrics", PromptNavigator.Next(postmortem, template, "summary").SectionKey);
        var afterMetrics = PromptNavigator.Next(postmortem, template, "metrics");
        Assert.Equal("incident-response.detection-halved", afterMetrics.SectionKey);
        Assert.Equal(PromptKind.Answer, afterMetrics.Kind);
        Assert.Equal("summary", PromptNavigator.Next(postmortem, template, "lessons").SectionKey);
    }
}
