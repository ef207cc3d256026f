using Microsoft.Playwright;
using Postmortem.Bot.PlaygroundMode;

namespace Postmortem.Playground.Tests;

/// <summary>
/// The playground as `playground --fresh` starts it (the host's own wiring, a temporary data folder, any free port)
/// and a headless Debian Chromium on its page, in a fresh profile.
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    private readonly string _directory;
    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _browser;

    private PlaygroundBrowser(string directory, PlaygroundSession session, IPlaywright playwright, IBrowserContext browser, IPage page)
    {
        _directory = directory;
        Session = session;
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public PlaygroundSession Session { get; }

    public IPage Page { get; }

    public static async Task<PlaygroundBrowser> StartAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumFactAttribute.ChromiumPath} is missing: install it with `apt-get install chromium`.");
        }

        var directory = Directory.CreateTempSubdirectory("postmortem-playground-").FullName;
        var options = new PlaygroundOptions { Port = 0, Fresh = true, DataDirectory = Path.Combine(directory, "data") };
        var session = await PlaygroundSession.StartAsync(options, settings => PlaygroundVerb.BuildBot(settings, []));
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchPersistentContextAsync(Path.Combine(directory, "profile"), new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
            ViewportSize = new ViewportSize { Width = 1400, Height = 860 },
            Timeout = 20_000,
        });
        var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
        page.SetDefaultTimeout(10_000);
        await page.GotoAsync(session.Url.ToString());
        return new PlaygroundBrowser(directory, session, playwright, browser, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        await Session.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The database pool or the browser may hold a file for a moment; the OS cleans temp folders.
        }
    }
}
