using Microsoft.Playwright;

namespace Postmortem.Playground.Tests;

/// <summary>What a person does on the playground page, in the page's own controls (no API shortcuts).</summary>
public static class PageActions
{
    /// <summary>Types <paramref name="command"/> ("/postmortem start") into the message box, picks it and fills the options.</summary>
    /// <param name="page">The page.</param>
    /// <param name="command">The command as the popup lists it.</param>
    /// <param name="options">Text options by name; a value starting with "@" picks a person, "?" picks the first autocomplete suggestion for the rest.</param>
    public static async Task RunCommandAsync(this IPage page, string command, IReadOnlyDictionary<string, string>? options = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var input = page.Locator("#composer-input");
        await input.FillAsync(command);
        await page.Locator($"#command-popup .command-item[data-command='{command}']").ClickAsync();
        foreach (var (name, value) in options ?? new Dictionary<string, string>())
        {
            var option = page.Locator($"#command-form .option[data-option='{name}']");
            if (value.StartsWith('@'))
            {
                await option.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = value });
            }
            else if (value.StartsWith('?'))
            {
                await option.Locator("input").FillAsync(value[1..]);
                await option.Locator(".suggestions div").First.ClickAsync();
            }
            else
            {
                await option.Locator("input, select").First.FillAsync(value);
            }
        }

        await page.Locator("#send-command").ClickAsync();
    }

    public static async Task OpenChannelAsync(this IPage page, string name) =>
        await page.Locator($"#channels .channel[data-channel='{name}']").ClickAsync();

    public static async Task PostAsync(this IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("#composer-input").FillAsync(text);
        await page.Locator("#composer-input").PressAsync("Enter");
    }

    public static async Task BeAsync(this IPage page, string person)
    {
        ArgumentNullException.ThrowIfNull(page);
        var id = await page.Locator("#whoami option", new() { HasTextString = person }).GetAttributeAsync("value");
        await page.Locator("#whoami").SelectOptionAsync(id!);
        await page.Locator("#me-name").Filter(new() { HasText = person }).WaitForAsync();
    }

    public static ILocator Modal(this IPage page) => page.Locator(".modal");

    public static ILocator Messages(this IPage page) => page.Locator("#messages .message");
}
