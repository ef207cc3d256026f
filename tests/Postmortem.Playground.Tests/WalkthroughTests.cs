using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Postmortem.Playground.Tests;

/// <summary>A whole postmortem in the browser, as a team would run it, ending with a reminder in a DM a week later.</summary>
public sealed class WalkthroughTests
{
    private const string Title = "Checkout API outage";

    [ChromiumFact]
    public async Task AWholePostmortem_InTheBrowser_FromStartToAReminderDmAWeekLater()
    {
        await using var browser = await PlaygroundBrowser.StartAsync();
        var page = browser.Page;
        var messages = page.Locator("#messages");
        await page.OpenChannelAsync("incidents");

        // Ana (the admin) starts a postmortem: a thread opens with its dashboard and the first prompt.
        await page.RunCommandAsync("/postmortem start", new Dictionary<string, string> { ["title"] = Title });
        await page.Locator("#channels .channel.thread").Filter(new() { HasText = Title }).First.ClickAsync();
        var answer = messages.Locator(".btn").Filter(new() { HasTextString = "Answer" });
        await Expect(answer.First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "1-start");

        // She answers the first section through its modal.
        await answer.Last.ClickAsync();
        await page.Modal().Locator("textarea, input").First.FillAsync("Checkout returned 502s for 40 minutes after deploy 4711.");
        await Screenshots.TakeAsync(page, "2-answer-modal");
        await page.Modal().Locator("button.submit").ClickAsync();
        await Expect(page.Modal()).ToHaveCountAsync(0);
        await Expect(messages).ToContainTextAsync("Checkout returned 502s for 40 minutes");

        // A why, its answer, and a second answer: the why branches.
        await page.RunCommandAsync("/postmortem why ask", new Dictionary<string, string> { ["question"] = "Why did checkout return 502s?" });
        await page.Locator("#channels .channel.thread").Filter(new() { HasText = "Five Whys" }).ClickAsync();
        await messages.Locator(".message").Filter(new() { HasText = "Why did checkout return 502s?" }).Locator(".btn", new() { HasText = "Answer" }).ClickAsync();
        await page.Modal().Locator("textarea, input").First.FillAsync("The new build could not reach the payments service");
        await page.Modal().Locator("button.submit").ClickAsync();
        await messages.Locator(".btn", new() { HasText = "Another answer" }).First.ClickAsync();
        await page.Modal().Locator("textarea, input").First.FillAsync("Health checks only tested the front page");
        await page.Modal().Locator("button.submit").ClickAsync();
        await Expect(messages).ToContainTextAsync("Health checks only tested the front page");
        await Expect(messages.Locator(".btn", new() { HasText = "Another answer" })).ToHaveCountAsync(2);
        await Screenshots.TakeAsync(page, "3-whys");

        // Ben posts what he did; Ana turns his message into a timeline entry from its Apps menu.
        await page.BeAsync("Ben");
        await page.Locator("#channels .channel.thread").Filter(new() { HasText = Title }).First.ClickAsync();
        await page.PostAsync("Rolled back deploy 4711, 502s stopped");
        await page.BeAsync("Ana");
        var update = messages.Locator(".message").Filter(new() { HasText = "Rolled back deploy 4711" });
        await update.ClickAsync(new() { Button = Microsoft.Playwright.MouseButton.Right });
        await page.Locator(".menu button", new() { HasText = "Add to timeline" }).ClickAsync();
        await Expect(page.Modal().Locator("textarea")).ToHaveValueAsync("Rolled back deploy 4711, 502s stopped");
        await page.Modal().Locator("select").SelectOptionAsync("mitigated");
        await Screenshots.TakeAsync(page, "4-timeline-from-message");
        await page.Modal().Locator("button.submit").ClickAsync();
        await Expect(messages).ToContainTextAsync("Added to the timeline");
        await Expect(messages.Locator(".message.ephemeral").Last).ToContainTextAsync("Only you can see this");

        // A lesson with an action item for Ben, due in ten days: its first reminder comes a week before.
        var due = DateOnly.FromDateTime(browser.Session.Clock.GetUtcNow().UtcDateTime).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.RunCommandAsync("/postmortem lesson add", new Dictionary<string, string> { ["text"] = "Deploys need an end-to-end checkout probe" });
        await Expect(messages).ToContainTextAsync("Added lesson");
        await page.RunCommandAsync("/postmortem action corrective", new Dictionary<string, string> { ["lesson"] = "?Deploys", ["text"] = "Gate deploys on synthetic checkouts" });
        await Expect(messages).ToContainTextAsync("Added corrective action");
        await page.RunCommandAsync("/postmortem action item", new Dictionary<string, string>
        {
            ["corrective"] = "?Gate",
            ["text"] = "Write the checkout probe",
            ["owner"] = "@Ben",
            ["due"] = due,
        });
        await Expect(messages).ToContainTextAsync("Added action item");

        // Finalize (confirming past the linter's findings), then export the Markdown file.
        await page.RunCommandAsync("/postmortem finalize");
        await messages.Locator(".btn", new() { HasText = "Finalize anyway" }).ClickAsync();
        await Expect(page.Locator("#messages .embed").First).ToContainTextAsync("Status: Final");
        await page.RunCommandAsync("/postmortem export");
        var export = messages.Locator(".file a").Filter(new() { HasText = ".md" });
        await Expect(export.Last).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "5-finalized-export");

        // A week later Ben finds the reminder in his DMs.
        await page.Locator("#clock-week").ClickAsync();
        await page.BeAsync("Ben");
        await page.OpenChannelAsync("Postmortem Bot");
        await Expect(messages).ToContainTextAsync("Write the checkout probe", new() { Timeout = 15_000 });
        await Screenshots.TakeAsync(page, "6-reminder-dm");

        Assert.Empty(browser.Session.Emulator.Violations);
        await Expect(page.Locator("#violations-button")).ToHaveTextAsync("✓ 0 rule violations");
    }
}
