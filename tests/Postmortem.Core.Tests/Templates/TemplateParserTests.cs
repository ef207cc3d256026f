using Postmortem.Core.Templates;

namespace Postmortem.Core.Tests.Templates;

public sealed class TemplateParserTests
{
    private const string Minimal = """
        {
          "id": "team",
          "name": "Team template",
          "sections": [
            { "key": "summary", "title": "Summary", "kind": "text", "prompt": "What happened?", "rules": { "maxParagraphs": 2 } },
            { "key": "customer-comms", "title": "Customer communication", "kind": "text", "prompt": "How were customers told?" },
            { "key": "whys", "kind": "whys", "prompt": "Why?" }
          ]
        }
        """;

    [Fact]
    public void BuiltInTemplate_HasTheSectionsInTemplateOrder()
    {
        var template = BuiltInTemplates.RustCompiler2021;

        Assert.Equal("rust-compiler-2021", template.Id);
        Assert.Equal(
            ["summary", "metrics", "user-impact", "incident-response", "timeline", "leadup", "five-whys", "lessons"],
            template.Sections.Select(s => s.Key));
        Assert.Equal(
            [SectionKind.Text, SectionKind.Metrics, SectionKind.Text, SectionKind.Questions, SectionKind.Timeline, SectionKind.Text,
             SectionKind.Whys, SectionKind.Actions],
            template.Sections.Select(s => s.Kind));
        Assert.Equal(4, template.FindSection("incident-response")!.Questions.Count);
        Assert.Equal(new SectionRules(1, 3), template.FindSection("summary")!.Rules);
        Assert.Equal(new SectionRules(1, 2), template.FindSection("user-impact")!.Rules);
        Assert.Contains("at most 3 paragraphs", template.FindSection("summary")!.Guidance, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("within 90 days", template.FindSection("lessons")!.Guidance, StringComparison.Ordinal);
        Assert.Contains("not only when the team noticed", template.FindSection("timeline")!.Guidance, StringComparison.Ordinal);
        Assert.All(template.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Prompt)));
    }

    [Fact]
    public void Parse_ReadsAMinimalTeamTemplateWithExtraSections()
    {
        var template = TemplateParser.Parse(Minimal, "team.json");

        Assert.Equal(("team", "Team template"), (template.Id, template.Name));
        Assert.Equal("whys", template.Sections[2].Title);
        Assert.True(template.IsAnswerable("customer-comms"));
        Assert.False(template.IsAnswerable("whys"));
        Assert.True(template.IsSkippable("whys"));
    }

    [Theory]
    [InlineData("{ \"id\": \"t\", \"sections\": [ }", "bad JSON at line 1")]
    [InlineData("{\n  \"id\": \"t\",\n  \"sections\": [\n    { \"key\": }\n  ]\n}", "bad JSON at line 4")]
    [InlineData("[]", "the document must be a JSON object")]
    [InlineData("{ \"sections\": [] }", "the document: missing \"id\"")]
    [InlineData("{ \"id\": \"t\", \"sections\": [] }", "the template has no sections")]
    [InlineData("{ \"id\": \"t\" }", "\"sections\" must be an array")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"essay\", \"prompt\": \"p\" } ] }", "section 1 (\"a\"): unknown kind \"essay\"")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"7\", \"prompt\": \"p\" } ] }", "unknown kind \"7\"")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"text\" } ] }", "section 1 (\"a\"): missing \"prompt\"")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"text\", \"prompt\": \"  \" } ] }", "\"prompt\" is empty")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"text\", \"prompt\": \"p\" }, { \"key\": \"a\", \"kind\": \"text\", \"prompt\": \"p\" } ] }", "duplicate key \"a\" (section 2)")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"A B\", \"kind\": \"text\", \"prompt\": \"p\" } ] }", "the key must use lower-case letters")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"text\", \"prompt\": \"p\", \"promt\": \"x\" } ] }", "unknown property \"promt\"")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"questions\", \"prompt\": \"p\" } ] }", "needs at least one question")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"text\", \"prompt\": \"p\", \"questions\": [ { \"key\": \"q\", \"prompt\": \"p\" } ] } ] }", "only \"questions\" sections can have questions")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"questions\", \"prompt\": \"p\", \"questions\": [ { \"key\": \"a\", \"prompt\": \"p\" } ] } ] }", "duplicate key \"a\" (a question of section \"a\")")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"questions\", \"prompt\": \"p\", \"questions\": [ { \"key\": \"q\", \"prompt\": \"p\", \"figure\": \"timeToLunch\", \"promptWithFigure\": \"x\" } ] } ] }", "unknown figure \"timeToLunch\"")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"questions\", \"prompt\": \"p\", \"questions\": [ { \"key\": \"q\", \"prompt\": \"p\", \"figure\": \"timeToDetect\" } ] } ] }", "needs \"promptWithFigure\"")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"text\", \"prompt\": \"p\", \"rules\": { \"maxParagraphs\": -1 } } ] }", "\"maxParagraphs\" must be a whole number")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": \"a\", \"kind\": \"text\", \"prompt\": \"p\", \"rules\": { \"minParagraphs\": 3, \"maxParagraphs\": 2 } } ] }", "minParagraphs (3) is greater than maxParagraphs (2)")]
    [InlineData("{ \"id\": \"t\", \"sections\": [ { \"key\": 5, \"kind\": \"text\", \"prompt\": \"p\" } ] }", "\"key\" must be a string")]
    public void Parse_BadTemplate_ThrowsNamingTheFileAndTheProblem(string json, string problem)
    {
        var error = Assert.Throws<TemplateException>(() => TemplateParser.Parse(json, "config/templates/team.json"));

        Assert.StartsWith("Template config/templates/team.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal("config/templates/team.json", error.SourceName);
    }

    [Fact]
    public void Parse_AllowsCommentsAndTrailingCommas()
    {
        var template = TemplateParser.Parse(
            """
            // A team's template
            { "id": "t", "sections": [ { "key": "a", "kind": "text", "prompt": "p", }, ], }
            """,
            "t.json");

        Assert.Single(template.Sections);
    }
}
