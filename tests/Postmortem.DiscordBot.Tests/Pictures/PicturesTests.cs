using System.Buffers.Binary;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Timeline;
using Postmortem.Discord.Emulator;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.Pictures;

/// <summary>Pictures attached to timeline show, whys, metric chart, the dashboard's button and the export.</summary>
public sealed class PicturesTests
{
    private static readonly DateTimeOffset _released = new(2021, 5, 6, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TimelineShow_WithChart_AttachesTheTimelineAsAPng_Privately()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await SeedAsync(bot, timeline: true);

        var show = await bot.SlashAsync(bot.Bob, thread, "timeline show", new { chart = true });

        var response = await show.ResponseAsync();
        Assert.True(response.IsDeferred);
        Assert.True(response.IsEphemeral);
        var message = await show.WaitForOriginalAsync();
        Assert.Contains("1.52.0 released", message.Content, StringComparison.Ordinal);
        var chart = Assert.Single(message.Attachments);
        Assert.Equal(("timeline.png", "image/png"), (chart.FileName, chart.ContentType));
        AssertPng(chart, minWidth: 800);
        Assert.Contains("time to detect 3 days 4 hours", chart.Description, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Whys_WithPicture_AttachesOnePicturePerTopLevelWhy_WhenTheTreeIsLarge()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await SeedAsync(bot, whys: 30, topLevel: 3);

        var whys = await bot.SlashAsync(bot.Bob, thread, "whys", new { picture = true });

        var message = await whys.WaitForOriginalAsync();
        Assert.True(message.IsEphemeral);
        Assert.Equal(["whys-1.png", "whys-2.png", "whys-3.png"], message.Attachments.Select(a => a.FileName));
        Assert.All(message.Attachments, a => AssertPng(a, minWidth: 600));
        Assert.Contains("Five Whys of #1", message.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task DashboardButton_SendsThePicturesPrivately()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await SeedAsync(bot, timeline: true, whys: 4, topLevel: 1);
        var dashboard = Assert.Single(thread.PinnedMessages);

        var click = await bot.Emulator.ClickButtonAsync(bot.Bob, dashboard, BotUnderTest.CustomIdStartingWith(dashboard, "pictures:"));

        var message = await click.WaitForOriginalAsync();
        Assert.True(message.IsEphemeral);
        Assert.Equal(["timeline.png", "whys.png"], message.Attachments.Select(a => a.FileName));
        Assert.Contains("Pictures of #1", message.Content, StringComparison.Ordinal);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task MetricChart_DrawsATableOfNumbers_AndRefusesOneWithout()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var service = bot.Services.GetRequiredService<PostmortemService>();
        var numbers = await DoAsync(service, new AddMetricTable("| Day | ICE reports |\n| --- | ---: |\n| Thu | 2 |\n| Sun | 31 |", "ICE reports per day"));
        var words = await DoAsync(service, new AddMetricTable("| What | Who |\n| --- | --- |\n| paged | on-call |", "Who was paged"));

        var chart = await bot.SlashAsync(bot.Bob, thread, "metric chart", new { metric = numbers, @public = true });
        var refused = await bot.SlashAsync(bot.Bob, thread, "metric chart", new { metric = words, @public = true });

        var drawn = await chart.WaitForOriginalAsync();
        Assert.False(drawn.IsEphemeral);
        AssertPng(Assert.Single(drawn.Attachments), minWidth: 600);
        var answer = await refused.WaitForFollowupAsync();
        Assert.True(answer.IsEphemeral);
        Assert.Contains("no column of numbers", answer.Content, StringComparison.Ordinal);
        Assert.Null(refused.Original);
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Export_PostsTheDocumentAndItsPictures_InOneMessage_LinkedByName()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        await SeedAsync(bot, timeline: true, whys: 4, topLevel: 1);

        var export = await bot.SlashAsync(bot.Bob, thread, "export");

        var message = await export.WaitForOriginalAsync();
        var markdown = message.Attachments[0];
        Assert.EndsWith(".md", markdown.FileName, StringComparison.Ordinal);
        var pictures = message.Attachments.Skip(1).ToList();
        Assert.Equal(2, pictures.Count);
        var stem = markdown.FileName[..^3];
        Assert.Equal([stem + ".timeline.png", stem + ".whys.png"], pictures.Select(p => p.FileName));
        foreach (var picture in pictures)
        {
            AssertPng(picture, minWidth: 600);
            Assert.Contains($"]({picture.FileName})", markdown.Text, StringComparison.Ordinal);
        }

        var textOnly = await bot.SlashAsync(bot.Bob, thread, "export", new { pictures = false });
        Assert.Single((await textOnly.WaitForOriginalAsync()).Attachments);
        bot.AssertNoViolations();
    }

    private static async Task SeedAsync(BotUnderTest bot, bool timeline = false, int whys = 0, int topLevel = 1)
    {
        var service = bot.Services.GetRequiredService<PostmortemService>();
        if (timeline)
        {
            await DoAsync(service, new AddTimelineEntry(_released, "1.52.0 released", TimelineEntryKind.EventStart));
            await DoAsync(service, new AddTimelineEntry(_released.AddDays(3).AddHours(4), "Reports recognised as one problem", TimelineEntryKind.Detected));
            await DoAsync(service, new AddTimelineEntry(_released.AddDays(4).AddHours(1), "1.52.1 released", TimelineEntryKind.Mitigated));
        }

        var open = new Queue<int>();
        for (var i = 0; i < Math.Min(topLevel, whys); i++)
        {
            open.Enqueue(await DoAsync(service, new AskWhy(null, $"Why did failure {i + 1} happen?")));
        }

        var asked = open.Count;
        while (open.TryDequeue(out var why))
        {
            var answer = await DoAsync(service, new AnswerWhy(why, "Because an earlier step allowed it, and nobody owned that step."));
            for (var child = 0; child < 2 && asked < whys; child++, asked++)
            {
                open.Enqueue(await DoAsync(service, new AskWhy(answer, "Why did that step allow it?")));
            }

            if (asked >= whys && open.Count == 0)
            {
                await DoAsync(service, new MarkRootCause(answer));
            }
        }
    }

    private static async Task<int> DoAsync(PostmortemService service, PostmortemCommand command)
    {
        var outcome = await service.ExecuteAsync(new PostmortemId(1), command, new UserRef("200000000000000001", "Alice"));
        Assert.True(outcome.Result.Succeeded, outcome.Result.Message);
        return outcome.Result.CreatedId ?? 0;
    }

    private static void AssertPng(EmulatedAttachment attachment, int minWidth)
    {
        var png = attachment.Content;
        Assert.True(png.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]), $"{attachment.FileName} is not a PNG");
        var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.InRange(width, minWidth, 10_000);
        Assert.InRange(height, 150, 10_000);
        Assert.InRange(png.Length, 1_000, (long)Discord.Models.FileUpload.MaxBytes);
    }
}
