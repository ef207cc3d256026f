using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;
using Postmortem.Testing;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

/// <summary>The exported document through the real bot: references, known gaps, and text that would break it.</summary>
public sealed class DocumentTests
{
    private const string Issue = "https://github.com/rust-lang/rust/issues/84970";

    [Fact]
    public async Task References_AreAddedEditedRemovedAndListed_ThenExported()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);

        var add = await bot.SlashAsync(bot.Alice, thread, "reference add", new { url = Issue, title = "Issue #84970: incremental ICE" });
        var added = await add.ResponseAsync();
        Assert.True(added.IsEphemeral);
        Assert.Contains($"Added `#1` Issue #84970: incremental ICE · <{Issue}>", added.Content, StringComparison.Ordinal);
        await (await bot.SlashAsync(bot.Bob, thread, "reference add", new { url = "https://example.org/pr/1", title = "Pull request" })).ResponseAsync();
        var edit = await bot.SlashAsync(bot.Bob, thread, "reference edit",
            new { reference = 2L, url = "https://github.com/rust-lang/rust/pull/85153", title = "Disable incremental compilation" });
        Assert.Contains("Changed `#2` Disable incremental compilation", (await edit.ResponseAsync()).Content, StringComparison.Ordinal);
        await (await bot.SlashAsync(bot.Bob, thread, "reference add", new { url = "https://blog.rust-lang.org/", title = "Blog" })).ResponseAsync();
        var remove = await bot.SlashAsync(bot.Bob, thread, "reference remove", new { reference = 3L });
        Assert.Contains("Removed `#3` Blog", (await remove.ResponseAsync()).Content, StringComparison.Ordinal);

        var bad = await bot.SlashAsync(bot.Bob, thread, "reference add", new { url = "javascript:alert(1)", title = "Exploit" });
        var refused = await bad.ResponseAsync();
        Assert.True(refused.IsEphemeral);
        Assert.Contains("is not an http(s) link", refused.Content, StringComparison.Ordinal);
        var missing = await bot.SlashAsync(bot.Bob, thread, "reference remove", new { reference = 9L });
        Assert.Contains("does not exist", (await missing.ResponseAsync()).Content, StringComparison.Ordinal);

        var list = await (await bot.SlashAsync(bot.Bob, thread, "reference list")).ResponseAsync();
        Assert.True(list.IsEphemeral);
        Assert.Contains($"`#1` Issue #84970: incremental ICE · <{Issue}>", list.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Blog", list.Content, StringComparison.Ordinal);

        var references = ExportedDocument.Parse(await ExportAsync(bot, thread)).Section("References");
        Assert.Equal(
            [("Issue #84970: incremental ICE", Issue), ("Disable incremental compilation", "https://github.com/rust-lang/rust/pull/85153")],
            references.Links);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Finalize_ShowsTheOpenFindings_AndTheFinalExportKeepsThemAsKnownGaps()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);

        var finalize = await bot.SlashAsync(bot.Alice, thread, "finalize");
        var ask = await finalize.ResponseAsync();

        Assert.Contains("findings remain:", ask.Content, StringComparison.Ordinal);
        Assert.Contains("• Summary is not written yet.", ask.Content, StringComparison.Ordinal);
        Assert.Contains("**Known gaps**", ask.Content, StringComparison.Ordinal);
        var confirm = await bot.Emulator.ClickButtonAsync(bot.Alice, finalize.Original!, BotUnderTest.CustomIdStartingWith(finalize.Original!, "finalize:"));
        Assert.Equal(InteractionResponse.UpdateMessage, (await confirm.ResponseAsync()).Type);

        var document = ExportedDocument.Parse(await ExportAsync(bot, thread));
        Assert.Equal("Known gaps", document.SectionTitles[^1]);
        Assert.DoesNotContain("Open findings", document.SectionTitles);
        Assert.Contains("Summary is not written yet.", document.Section("Known gaps").Text, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Export_OfPastedText_IsWellFormedAndContained()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await bot.AnswerAsync(bot.Alice, BotUnderTest.Prompts(thread)[0], "# Not a heading\n\n<script>alert(1)</script>\n\n```\nan unclosed paste");
        // The old 80-character graph label "1. Why xxx…" was cut inside the first emoji.
        var question = "Why " + new string('x', 71) + string.Concat(Enumerable.Repeat("😀", 40));
        await (await bot.SlashAsync(bot.Alice, thread, "why ask", new { question })).WaitForOriginalAsync();

        var markdown = await ExportAsync(bot, thread);

        Assert.DoesNotContain('\uFFFD', markdown);
        Assert.Contains(question, markdown, StringComparison.Ordinal);
        var document = ExportedDocument.Parse(markdown);
        Assert.Equal(0, document.HtmlBlocks);
        Assert.Equal(
            ["Summary", "Metrics/Graphs", "User Impact", "Incident Response", "Timeline", "Leadup", "Five Whys",
             "Lessons Learned, Corrective Actions, Action Items", "References", "Open findings"],
            document.SectionTitles);
        Assert.Equal("an unclosed paste", Assert.Single(document.Section("Summary").Fences).Lines.ToString());
        bot.AssertNoViolations();
    }

    private static async Task<string> ExportAsync(BotUnderTest bot, EmulatedChannel thread)
    {
        var export = await bot.SlashAsync(bot.Bob, thread, "export");
        var message = await export.WaitForOriginalAsync();
        // The document; the pictures it links to (if any) are attached beside it.
        return Assert.Single(message.Attachments, a => a.FileName.EndsWith(".md", StringComparison.Ordinal)).Text;
    }
}
