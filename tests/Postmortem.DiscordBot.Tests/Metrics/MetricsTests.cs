using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.Metrics;

public sealed class MetricsTests
{
    private static readonly byte[] _png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Image_AsAnAttachmentOption_IsStoredWithItsResolvedUrl()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);

        var added = await (await bot.SlashAsync(bot.Bob, thread, "metric image", new Dictionary<string, object?>
        {
            ["file"] = new FileUpload("ice-reports.png", _png, "image/png"),
            ["caption"] = "ICE reports per day",
        })).ResponseAsync();

        Assert.True(added.IsEphemeral);
        Assert.Contains("graph 1: ICE reports per day", added.Content, StringComparison.Ordinal);
        var metric = Assert.Single((await GetAsync(bot)).Metrics);
        Assert.Equal(MetricKind.Image, metric.Kind);
        Assert.StartsWith(bot.Emulator.ApiBaseUrl.GetLeftPart(UriPartial.Authority), metric.Url, StringComparison.Ordinal);
        Assert.EndsWith("/ice-reports.png", metric.Url, StringComparison.Ordinal);
        Assert.Matches("^[0-9]+$", metric.AttachmentId);
        Assert.Contains($"/{metric.AttachmentId}/", metric.Url, StringComparison.Ordinal);
        Assert.Equal("ICE reports per day", metric.Caption);
        var dashboard = Assert.Single(thread.PinnedMessages);
        await bot.Emulator.WaitForAsync(() => dashboard.EmbedText.Contains("✅ Metrics/Graphs", StringComparison.Ordinal), description: "Metrics done on the dashboard");
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Image_ByLink_IsAdded_ButNotAnImage_NorBothNorNeither()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);

        var link = await (await bot.SlashAsync(bot.Bob, thread, "metric image", new { url = "https://example.org/ices.png" })).ResponseAsync();
        var text = await (await bot.SlashAsync(bot.Bob, thread, "metric image", new { file = FileUpload.FromText("notes.txt", "not an image") })).ResponseAsync();
        var neither = await (await bot.SlashAsync(bot.Bob, thread, "metric image", new { caption = "Nothing attached" })).ResponseAsync();
        var ftp = await (await bot.SlashAsync(bot.Bob, thread, "metric image", new { url = "ftp://example.org/ices.png" })).ResponseAsync();

        Assert.Contains("graph 1", link.Content, StringComparison.Ordinal);
        Assert.Contains("notes.txt is not an image", text.Content, StringComparison.Ordinal);
        Assert.Contains("one of the two", neither.Content, StringComparison.Ordinal);
        Assert.Contains("not an http(s) link", ftp.Content, StringComparison.Ordinal);
        Assert.All(new[] { text, neither, ftp }, r => Assert.True(r.IsEphemeral));
        Assert.Equal("https://example.org/ices.png", Assert.Single((await GetAsync(bot)).Metrics).Url);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Table_OpensAForm_ABadTableIsExplained_AndAGoodOneIsKept()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);

        var bad = await SubmitTableAsync(bot, thread, "| Day | ICE reports |\n| Thu | 12 |", "ICE reports");
        var good = await SubmitTableAsync(bot, thread, "| Day | ICE reports |\n| --- | ---: |\n| Thu | 12 |\n| Fri | 40 |", "ICE reports per day");

        Assert.True(bad.IsEphemeral);
        Assert.Contains("separator row", bad.Content, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", bad.Content, StringComparison.Ordinal);
        Assert.Contains("table 1 (2 rows): ICE reports per day", good.Content, StringComparison.Ordinal);
        var metric = Assert.Single((await GetAsync(bot)).Metrics);
        Assert.Equal(MetricKind.Table, metric.Kind);
        Assert.StartsWith("| Day | ICE reports |", metric.Table, StringComparison.Ordinal);

        var suggested = await (await bot.Emulator.AutocompleteAsync(bot.Bob, thread, "postmortem", "metric remove", "metric", "ice")).ResponseAsync();
        var removed = await (await bot.SlashAsync(bot.Bob, thread, "metric remove", new Dictionary<string, object?> { ["metric"] = Assert.Single(suggested.Choices)["value"]!.GetValue<long>() })).ResponseAsync();
        Assert.Contains("Removed", removed.Content, StringComparison.Ordinal);
        Assert.Empty((await GetAsync(bot)).Metrics);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task AnImageRepliedToTheMetricsPrompt_IsAdded_AndThePromptShowsIt()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var summary = BotUnderTest.Prompts(thread)[0];
        await (await bot.Emulator.ClickButtonAsync(bot.Alice, summary, BotUnderTest.CustomIdStartingWith(summary, "skip:"))).ResponseAsync();
        var metrics = await bot.Emulator.WaitForAsync(
            () => BotUnderTest.Prompts(thread).FirstOrDefault(p => p.CustomIds.Any(id => id.StartsWith("metric-table:", StringComparison.Ordinal))),
            description: "the Metrics prompt");
        Assert.Contains("Reply to this message with an image", metrics.Content, StringComparison.Ordinal);
        var before = thread.PublicMessages.Count;

        await bot.Emulator.PostMessageAsync(bot.Bob, thread, "Crater runs per day", replyTo: metrics, attachments: [new FileUpload("crater.png", _png, "image/png")]);

        await bot.Emulator.WaitForAsync(() => metrics.Content.Contains("graph 1: Crater runs per day", StringComparison.Ordinal), description: "the prompt redrawn");
        var metric = Assert.Single((await GetAsync(bot)).Metrics);
        Assert.EndsWith("/crater.png", metric.Url, StringComparison.Ordinal);
        Assert.Matches("^[0-9]+$", metric.AttachmentId);
        Assert.Contains($"/{metric.AttachmentId}/", metric.Url, StringComparison.Ordinal);
        Assert.Equal(before + 1, thread.PublicMessages.Count);
        Assert.Empty(bot.Emulator.Dms(bot.Bob));
        bot.AssertNoViolations();
    }

    private static async Task<InteractionResponse> SubmitTableAsync(BotUnderTest bot, EmulatedChannel thread, string table, string caption)
    {
        var open = await bot.SlashAsync(bot.Bob, thread, "metric table");
        Assert.True((await open.ResponseAsync()).IsModal);
        var submit = await bot.Emulator.SubmitModalAsync(bot.Bob, open, new Dictionary<string, string> { ["table"] = table, ["caption"] = caption });
        return await submit.ResponseAsync();
    }

    private static async Task<Core.Postmortem> GetAsync(BotUnderTest bot) =>
        (await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1)))!;
}
