using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Tests.Messages;

public sealed class MessageChunkerTests
{
    [Fact]
    public void Split_ShortText_IsOnePiece()
    {
        Assert.Equal(["Short answer."], MessageChunker.Split("Short answer."));
    }

    [Fact]
    public void Split_EmptyText_GivesNoPieces()
    {
        Assert.Empty(MessageChunker.Split(""));
        Assert.Empty(MessageChunker.Split(null));
    }

    [Fact]
    public void Split_LongText_CutsAtParagraphs_WithinTheLimit_AndLosesNothing()
    {
        var paragraphs = Enumerable.Range(1, 80).Select(i => $"Paragraph {i}: " + new string('x', 40 + (i % 7))).ToList();
        var text = string.Join("\n\n", paragraphs);

        var pieces = MessageChunker.Split(text, 500);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 500));
        Assert.Equal(text, string.Join("\n\n", pieces));
    }

    [Fact]
    public void Split_OneHugeWord_IsCutHard_AndStillComplete()
    {
        var text = new string('a', 1234);

        var pieces = MessageChunker.Split(text, 500);

        Assert.Equal([500, 500, 234], pieces.Select(p => p.Length));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void Split_NeverSeparatesASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 300));

        var pieces = MessageChunker.Split(text, 101);

        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void Split_ACodeBlockCutInTwo_IsClosedAndReopenedWithItsLanguage()
    {
        var code = string.Join("\n", Enumerable.Range(1, 60).Select(i => $"let line{i} = compute({i});"));
        var text = "Before the code.\n```rust\n" + code + "\n```\nAfter the code.";

        var pieces = MessageChunker.Split(text, 400);

        Assert.True(pieces.Count > 2);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 400));
        Assert.All(pieces, p => Assert.Equal(0, CountFences(p) % 2));
        Assert.All(pieces.Skip(1).SkipLast(1), p => Assert.StartsWith("```rust\n", p, StringComparison.Ordinal));
        var all = string.Join("\n", pieces);
        Assert.All(Enumerable.Range(1, 60), i => Assert.Contains($"let line{i} = compute({i});", all, StringComparison.Ordinal));
        Assert.EndsWith("After the code.", pieces[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_AnUnclosedFenceInTheText_IsClosedInTheLastPiece()
    {
        var pieces = MessageChunker.Split("Look:\n```\nstill open");

        Assert.Equal("Look:\n```\nstill open\n```", Assert.Single(pieces));
    }

    private static int CountFences(string text) =>
        text.Split('\n').Count(line => line.TrimStart().StartsWith("```", StringComparison.Ordinal));
}
