using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Tests.Support;
using SkiaSharp;

namespace Postmortem.DiscordBot.Tests.Dashboard;

/// <summary>
/// Issue 12, part 6: the embed dashboard and a Components V2 one, both as the emulator recorded them, drawn side
/// by side to decide which reads better (docs/discord-frontend.md, "The dashboard: embed or Components V2").
/// Set POSTMORTEM_DOC_IMAGES to a folder to write the two pictures there.
/// </summary>
public sealed class DashboardComparisonTests
{
    [Fact]
    public async Task BothDashboards_AreValidMessages_AndDrawAsPictures()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice, "1.52.0 incremental compilation ICEs", new Dictionary<string, object?> { ["severity"] = "SEV2" });
        await bot.AnswerAsync(bot.Bob, BotUnderTest.Prompts(thread)[0], "Rust 1.52.0 turned an incremental-compilation check into a hard error; many users hit ICEs.");
        await (await bot.SlashAsync(bot.Alice, thread, "timeline add", new Dictionary<string, object?> { ["when"] = "2021-05-06 14:00", ["kind"] = "event-start", ["what"] = "1.52.0 released" })).ResponseAsync();
        await (await bot.SlashAsync(bot.Alice, thread, "timeline add", new Dictionary<string, object?> { ["when"] = "2021-05-09 16:00", ["kind"] = "detected", ["what"] = "ICE reports pile up" })).ResponseAsync();
        await (await bot.SlashAsync(bot.Alice, thread, "why ask", new { question = "Why did 1.52.0 ship with the check enabled?" })).WaitForOriginalAsync();
        var dashboard = Assert.Single(thread.PinnedMessages);
        await bot.Emulator.WaitForAsync(() => dashboard.EmbedText.Contains("Time to detect: 3 days 2 hours", StringComparison.Ordinal), description: "the dashboard refreshed");

        var postmortem = (await bot.Services.GetRequiredService<PostmortemService>().GetAsync(new PostmortemId(1)))!;
        var template = bot.Services.GetRequiredService<PostmortemService>().TemplateFor(postmortem);
        var v2 = ComponentsV2Dashboard.Components(postmortem, template);
        var sent = await bot.Services.GetRequiredService<IDiscordRestClient>().CreateMessageAsync(
            Snowflake.Parse(thread.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new MessagePayload
            {
                Flags = MessageFlags.IsComponentsV2,
                Components = [.. v2.Select(c => (Component)new UnknownComponent(c!["type"]!.GetValue<int>(), JsonSerializer.SerializeToElement(c)))],
            });
        var recorded = thread.Messages.Single(m => m.Id == sent.Id.Value);

        var embedPng = MessagePreview.Render(dashboard.Embeds, dashboard.Components);
        var v2Png = MessagePreview.Render([], recorded.Components);

        foreach (var (name, png) in new[] { ("dashboard-embed.png", embedPng), ("dashboard-components-v2.png", v2Png) })
        {
            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal(620, bitmap.Width);
            Assert.InRange(bitmap.Height, 200, 4000);
            File.WriteAllBytes(Path.Combine(Environment.GetEnvironmentVariable("POSTMORTEM_DOC_IMAGES") ?? Path.GetTempPath(), name), png);
        }

        Assert.Equal(template.Sections.Count, recorded.CustomIds.Count(id => id.StartsWith("dash-answer:", StringComparison.Ordinal)));
        bot.AssertNoViolations();
    }
}
