using Microsoft.Playwright;

namespace Postmortem.Playground.Tests;

/// <summary>
/// Screenshots of the walkthrough, written only when PLAYGROUND_SCREENSHOTS names a folder, relative to the
/// repository (the README's pictures: <c>PLAYGROUND_SCREENSHOTS=docs/images dotnet test tests/Postmortem.Playground.Tests</c>).
/// </summary>
public static class Screenshots
{
    public const string Variable = "PLAYGROUND_SCREENSHOTS";

    public static async Task TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } folder)
        {
            return;
        }

        // Let the live update that follows an action land, so the picture shows its result.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetFullPath(folder, RepositoryRoot()), $"playground-{name}.png") });
    }

    // dotnet test runs in the output folder; a relative folder means one in the repository.
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Postmortem.Bot.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
