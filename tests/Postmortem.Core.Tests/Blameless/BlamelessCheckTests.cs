using Postmortem.Core.Blameless;

namespace Postmortem.Core.Tests.Blameless;

public sealed class BlamelessCheckTests
{
    public static TheoryData<string, string?> Sentences => new()
    {
        // Mentions
        { "<@123456789012345678> merged the PR without running crater.", "Mention:<@123456789012345678>" },
        { "Pinged <@!42> to roll back the release.", "Mention:<@!42>" },
        { "@felix approved the change on Friday.", "Mention:@felix" },
        { "The fix was reviewed by @wesley.wiser before release.", "Mention:@wesley.wiser" },
        { "Contact release-team@rust-lang.org for the schedule.", null },
        { "I posted @here in the channel to gather people.", null },
        { "We notified @everyone once the rollback landed.", null },
        { "The issue was escalated to @rust-lang/compiler.", null },
        { "The role <@&987654321> was paged automatically.", null },
        { "Annotate the test with `@ignore` until the fix lands.", null },

        // Blame language
        { "It was Felix's fault that the fingerprint check was disabled.", "Blame:Felix's fault" },
        { "The outage was the fault of the release manager.", "Blame:fault of" },
        { "The reviewer was careless with the incremental tests.", "Blame:careless" },
        { "That was a sloppy backport.", "Blame:sloppy" },
        { "Honestly the on-call was lazy about checking the dashboards.", "Blame:lazy" },
        { "An incompetent merge broke beta.", "Blame:incompetent" },
        { "Sam screwed up the release notes.", "Blame:screwed up" },
        { "Blame lies with whoever approved the backport.", "Blame:Blame" },
        { "Everyone blamed the release tooling at first.", "Blame:blamed" },
        { "The author should have known that the cache was shared.", "Blame:should have known" },
        { "Alice should have caught this in review.", "Blame:Alice should have caught" },
        { "The reviewer should have noticed the missing test.", "Blame:The reviewer should have noticed" },
        { "It broke because Sam forgot to bump the version.", "Blame:Sam forgot" },
        { "The release slipped because Maria didn't check crater results.", "Blame:because Maria didn't" },
        { "Root cause: human error during the backport.", "Blame:human error" },
        { "He ignored the failing test.", "Blame:He ignored" },
        { "A careless-looking config change went in unnoticed.", "Blame:careless" },

        // Process language that must pass
        { "The deploy failed after the fingerprint check.", null },
        { "We should have had an alert for ICE reports on beta.", null },
        { "The test suite should have caught this regression.", null },
        { "The fault-tolerance layer retried the request twice.", null },
        { "The default configuration enabled incremental compilation.", null },
        { "The faulty disk was replaced during the incident.", null },
        { "Our goal is a blameless postmortem.", null },
        { "No one is to blame; the process had a gap.", null },
        { "We don't blame the contributor: the review checklist had no step for this.", null },
        { "Lazy loading of the query cache hid the mismatch.", null },
        { "The CI job was configured to skip the verification step.", null },
        { "We forgot to document the flag, so nobody knew it existed.", null },
        { "Cargo didn't rebuild the crate because the fingerprint matched.", null },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Check_FlagsExactlyTheExpectedSpan(string sentence, string? expected)
    {
        var findings = BlamelessCheck.Check(sentence);

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
    public void Check_ReportsEveryFindingInTextOrder()
    {
        var findings = BlamelessCheck.Check("<@1> was careless, and it was @sam's fault too.");

        Assert.Equal(["<@1>", "careless", "@sam"], findings.Select(f => f.Matched));
        Assert.Equal([BlameKind.Mention, BlameKind.Blame, BlameKind.Mention], findings.Select(f => f.Kind));
    }

    [Fact]
    public void Check_BlameSuggestsAProcessFocusedRewording()
    {
        var finding = Assert.Single(BlamelessCheck.Check("It was their fault."));

        Assert.Equal(BlamelessCheck.ProcessSuggestion, finding.Suggestion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Check_EmptyText_HasNoFindings(string? text) => Assert.Empty(BlamelessCheck.Check(text));
}
