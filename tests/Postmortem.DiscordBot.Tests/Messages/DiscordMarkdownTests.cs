using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Tests.Messages;

public sealed class DiscordMarkdownTests
{
    [Theory]
    [InlineData("**bold** _it_ ~~gone~~", @"\*\*bold\*\* \_it\_ \~\~gone\~\~")]
    [InlineData("`code` and ||spoiler||", @"\`code\` and \|\|spoiler\|\|")]
    [InlineData("[click](https://evil.example)", @"\[click\](https://evil.example)")]
    [InlineData("# Heading", @"\# Heading")]
    [InlineData("> quote", @"\> quote")]
    [InlineData("- item", @"\- item")]
    [InlineData("a - b # c", "a - b # c")]
    [InlineData("<@123> and <#456>", @"\<@123> and \<#456>")]
    [InlineData(@"back\slash", @"back\\slash")]
    public void Escape_MakesMarkdownLiteral(string text, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.Escape(text));
    }

    [Fact]
    public void Escape_SingleLine_TurnsLineBreaksIntoSpaces()
    {
        // Once on one line, "#" no longer starts a line, so it cannot make a heading.
        Assert.Equal("one two # three", DiscordMarkdown.Escape("one\ntwo\r\n# three", singleLine: true));
    }

    [Theory]
    [InlineData("@everyone look", "@\u200Beveryone look")]
    [InlineData("hey @here", "hey @\u200Bhere")]
    [InlineData("mail me@example.com", "mail me@example.com")]
    public void DefuseMassMentions_BreaksEveryoneAndHere(string text, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.DefuseMassMentions(text));
    }

    [Fact]
    public void Contain_ClosesAnOpenCodeFence_AndKeepsOtherMarkdown()
    {
        Assert.Equal("**ok**\n```cs\nvar x = 1;\n```", DiscordMarkdown.Contain("**ok**\n```cs\nvar x = 1;"));
        Assert.Equal("```\nclosed\n```", DiscordMarkdown.Contain("```\nclosed\n```"));
        Assert.Equal("inline ```one line``` code", DiscordMarkdown.Contain("inline ```one line``` code"));
    }

    [Fact]
    public void Truncate_EndsWithAnEllipsis_OnlyWhenCut()
    {
        Assert.Equal("short", DiscordMarkdown.Truncate("short", 10));
        Assert.Equal("abcdefghi…", DiscordMarkdown.Truncate("abcdefghijklmnop", 10));
        Assert.Equal(10, DiscordMarkdown.Truncate(new string('x', 50), 10).Length);
    }
}
