using Postmortem.Core.Blameless;

namespace Postmortem.Core.Tests.Blameless;

/// <summary>What the check flags, where, of which kind, and the rewording it offers (the corpus tests measure the rest).</summary>
public sealed class BlamelessCheckTests
{
    private static readonly KnownNames _names = new(["Sam Okafor", "nadia", "lee_ops"]);

    public static TheoryData<string, string?> Sentences => new()
    {
        { "sam forgot to rotate the key.", "PersonAsAgent:sam forgot" },
        { "It broke because nadia skipped the dry run.", "PersonAsAgent:nadia skipped" },
        { "okafor botched the DNS change.", "PersonAsAgent:okafor botched" },
        { "Then Bartek restarted the wrong node.", "PersonAsAgent:Bartek restarted" },
        { "Lee's typo in the config took the site down.", "Possessive:Lee's typo" },
        { "The DBA's mistake locked the table.", "Possessive:The DBA's mistake" },
        { "The intern deleted the production bucket.", "PersonAsAgent:The intern deleted" },
        { "Whoever merged this never ran it.", "PersonAsAgent:Whoever merged this never ran" },
        { "Nobody cared enough to test it.", "PersonAsAgent:Nobody cared" },
        { "The reviewer dropped the ball.", "Idiom:The reviewer dropped the ball" },
        { "It's on Sam.", "Idiom:It's on Sam" },
        { "<@&123> failed to notify support.", "PersonAsAgent:<@&123> failed to notify" },
        { "<@!42> should have double-checked the region.", "Hindsight:<@!42> should have double-checked" },
        { "That was a rookie mistake.", "Idiom:rookie mistake" },
        { "The reviewer was careless.", "Judgement:careless" },
        { "Root cause: human error.", "HumanError:human error" },
        { "We blame the release manager.", "BlameWord:blame" },

        { "The deploy failed to roll back.", null },
        { "The alert should have fired at 5%.", null },
        { "We should have had a canary stage.", null },
        { "The fault tolerance layer retried twice.", null },
        { "We saw page faults on the hosts.", null },
        { "git blame showed an old commit.", null },
        { "Human error is a symptom, not a cause.", null },
        { "No one is to blame; the checklist had a gap.", null },
        { "Sam ran the meeting.", null },
        { "Thanks to the release team for the quick fix.", null },
        { "Nadia skipped lunch to ship the fix.", null },
        { "The grace period was set to zero.", null },
        { "`sam forgot` is the old log message.", null },
        { "Contact release-team@example.org for the schedule.", null },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Check_FlagsExactlyTheExpectedSpan(string sentence, string? expected)
    {
        var findings = BlamelessCheck.Check(sentence, _names);

        if (expected is null)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal(expected, $"{finding.Kind}:{finding.Matched}");
        Assert.Equal(finding.Matched, sentence.Substring(finding.Start, finding.Length));
        Assert.False(string.IsNullOrWhiteSpace(finding.Suggestion));
    }

    [Fact]
    public void Check_LowerCaseNameIsAPersonOnlyWhenTheCallerKnowsIt()
    {
        Assert.NotEmpty(BlamelessCheck.Check("sam forgot the flag.", _names));
        Assert.Empty(BlamelessCheck.Check("sam forgot the flag."));
    }

    [Fact]
    public void Check_InActionItems_OwnersAreNotCulprits()
    {
        Assert.Empty(BlamelessCheck.Check("<@42> to own the runbook; sam skipped nothing.", _names, BlamelessPlace.ActionItem));
        Assert.Empty(BlamelessCheck.Check("Sam will add the missing alert.", _names, BlamelessPlace.ActionItem));
        Assert.NotEmpty(BlamelessCheck.Check("Stop the intern from skipping the checklist: the intern skipped it twice.", _names, BlamelessPlace.ActionItem));
    }

    [Theory]
    [InlineData("sam forgot to rotate the signing key before it expired.", "the process had no reminder or automatic step to rotate the signing key before it expired")]
    [InlineData("nadia skipped the dry run on staging.", "The dry run was not a required step on staging, so it could be skipped")]
    [InlineData("Lee's typo in the config took the site down.", "A typo in the config took the site down")]
    [InlineData("The on-call guy restarted the wrong node.", "The wrong node was restarted")]
    [InlineData("Ravi failed to notify the support team.", "the incident process had no clear step or owner to notify the support team")]
    [InlineData("Marta never updated the DNS record after the migration.", "nothing in the process required the DNS record to be updated after the migration")]
    [InlineData("Sam dropped the ball on the vendor escalation.", "The vendor escalation had no clear owner or follow-up step")]
    [InlineData("Kofi should have double-checked the config before applying it.", "the process did not require the config to be double-checked before applying it")]
    public void Check_OffersARewordingThatFitsTheSentence(string sentence, string rewording)
    {
        var finding = Assert.Single(BlamelessCheck.Check(sentence, _names));

        Assert.Contains($"\"{rewording}.\"", finding.Suggestion, StringComparison.Ordinal);
        Assert.DoesNotContain(finding.Matched, finding.Suggestion, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Check_ReportsEveryFindingInTextOrder()
    {
        var findings = BlamelessCheck.Check("<@1> was careless, and it was @sam's fault too. Nadia forgot the key.", _names);

        Assert.Equal(["careless", "@sam's fault", "Nadia forgot"], findings.Select(f => f.Matched));
        Assert.Equal([BlameKind.Judgement, BlameKind.Possessive, BlameKind.PersonAsAgent], findings.Select(f => f.Kind));
    }

    [Fact]
    public void KnownNames_Of_TakesThePostmortemsPeopleAndTheCallersNames()
    {
        var names = KnownNames.Of(TestData.Draft(), ["devon_ops"]);

        Assert.NotEmpty(BlamelessCheck.Check("felix forgot the flag.", names));
        Assert.NotEmpty(BlamelessCheck.Check("devon_ops forgot the flag.", names));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Check_EmptyText_HasNoFindings(string? text) => Assert.Empty(BlamelessCheck.Check(text));
}
