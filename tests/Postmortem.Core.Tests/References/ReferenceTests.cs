using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;
using Postmortem.Core.References;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.References;

public sealed class ReferenceTests
{
    private const string Issue = "https://github.com/rust-lang/rust/issues/84970";

    [Fact]
    public void AddEditRemove_KeepNumbersAndTheAuthor()
    {
        var pm = Draft();
        var first = pm.Do(new AddReference($"  {Issue}  ", "  Issue #84970  "), Wesley);
        Assert.Equal((Issue, "Issue #84970", Wesley), (pm.FindReference(first)!.Url, pm.FindReference(first)!.Title, pm.FindReference(first)!.Author));
        var second = pm.Do(new AddReference("http://example.org/pr/1", "Pull request"));

        pm.Do(new EditReference(second, "https://github.com/rust-lang/rust/pull/85153", "Disable incremental compilation"));
        pm.Do(new RemoveReference(first));
        var third = pm.Do(new AddReference(Issue, "Issue #84970 again"));

        Assert.Equal((1, 2, 3), (first, second, third));
        Assert.Equal(
            [(2, "Disable incremental compilation", "https://github.com/rust-lang/rust/pull/85153"), (3, "Issue #84970 again", Issue)],
            pm.References.Select(r => (r.Id, r.Title, r.Url)));
        Assert.Equal(pm.References, Core.Postmortem.FromState(pm.ToState()).References);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "Issue", "is not an http(s) link")]
    [InlineData("ftp://example.org/file", "Issue", "is not an http(s) link")]
    [InlineData("https://example.org/a b", "Issue", "is not an http(s) link")]
    [InlineData("example.org/issue", "Issue", "is not an http(s) link")]
    [InlineData("", "Issue", "link cannot be empty")]
    [InlineData(Issue, "", "title cannot be empty")]
    [InlineData(Issue, "Two\nlines", "title must be a single line")]
    public void Add_WithABadLinkOrTitle_IsRejectedAndChangesNothing(string url, string title, string message)
    {
        var pm = Draft();
        var before = Snapshot.Of(pm);

        var result = pm.Apply(new AddReference(url, title), Felix, Now);

        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot.Of(pm));
    }

    [Fact]
    public void Add_OverTheLengthLimits_IsRejected()
    {
        var pm = Draft();

        var longUrl = pm.Apply(new AddReference("https://example.org/" + new string('a', Limits.MaxUrlLength), "Issue"), Felix, Now);
        var longTitle = pm.Apply(new AddReference(Issue, new string('t', Limits.MaxReferenceTitleLength + 1)), Felix, Now);

        Assert.Contains($"the limit is {Limits.MaxUrlLength}", longUrl.Message, StringComparison.Ordinal);
        Assert.Contains($"the limit is {Limits.MaxReferenceTitleLength}", longTitle.Message, StringComparison.Ordinal);
        Assert.Empty(pm.References);
    }

    [Fact]
    public void Add_TheSameLinkTwice_IsRejected()
    {
        var pm = Draft();
        pm.Do(new AddReference(Issue, "Issue #84970"));

        var result = pm.Apply(new AddReference(Issue, "The same issue"), Felix, Now);

        Assert.Equal("That link is already reference #1 (\"Issue #84970\").", result.Message);
    }

    [Fact]
    public void Add_PastTheMaximumCount_IsRejected()
    {
        var pm = Draft();
        for (var i = 0; i < Limits.MaxReferences; i++)
        {
            pm.Do(new AddReference($"https://example.org/{i}", $"Link {i}"));
        }

        var result = pm.Apply(new AddReference("https://example.org/one-more", "One more"), Felix, Now);

        Assert.Contains($"at most {Limits.MaxReferences} references", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EditOrRemove_AnUnknownReference_IsNotFound()
    {
        var pm = Draft();

        Assert.Equal(ErrorCodes.NotFound, pm.Apply(new EditReference(7, Issue, "x"), Felix, Now).Error?.Code);
        Assert.Equal("Reference #7 does not exist.", pm.Apply(new RemoveReference(7), Felix, Now).Message);
    }

    [Fact]
    public void Add_WhenFinal_IsReadOnly()
    {
        var pm = Draft();
        pm.Do(new Finalize());

        Assert.Equal(ErrorCodes.ReadOnly, pm.Apply(new AddReference(Issue, "Issue"), Felix, Now).Error?.Code);
    }
}
