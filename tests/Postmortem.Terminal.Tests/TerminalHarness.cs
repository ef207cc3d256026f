using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Bot.Engine;
using Postmortem.Charts;
using Postmortem.Core.Application;
using Postmortem.Core.Postmortems;
using Postmortem.Storage.LiteDb;
using Postmortem.Testing;

namespace Postmortem.Terminal.Tests;

/// <summary>Output and exit code of one terminal session.</summary>
public sealed record TerminalRun(string Output, int ExitCode)
{
    public IReadOnlyList<string> Lines => Output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    public IReadOnlyList<string> Errors => [.. Lines.Where(l => l.StartsWith("error: ", StringComparison.Ordinal))];
}

/// <summary>
/// Runs terminal sessions the way the host wires them (engine + LiteDB store + terminal) against one real
/// temporary LiteDB file. Each run builds fresh services, so a later run reads only what was persisted.
/// </summary>
public sealed class TerminalHarness : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pm-terminal-" + Guid.NewGuid().ToString("N"));

    public TerminalHarness(string timeZone = "UTC", bool pictures = false)
    {
        Directory.CreateDirectory(_directory);
        TimeZone = timeZone;
        Pictures = pictures;
    }

    /// <summary>Whether the export draws pictures (the host always adds them; most tests need only the text).</summary>
    public bool Pictures { get; }

    /// <summary>The engine's clock: 2026-05-10 12:00 UTC unless a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 10, 12, 0, 0, TimeSpan.Zero));

    public string TimeZone { get; }

    public string DatabasePath => Path.Combine(_directory, "postmortems.litedb");

    public string PathFor(string relative) => Path.Combine(_directory, relative);

    public Task<TerminalRun> RunAsync(string script, string user = "alice", bool strict = false) =>
        RunAsync(new StringReader(script), user, strict);

    public async Task<TerminalRun> RunAsync(TextReader input, string user = "alice", bool strict = false)
    {
        await using var services = BuildServices(user, strict);
        var output = new StringWriter();
        var console = new TerminalConsole(input, output, IsInteractive: false, UseAnsi: false);
        var exitCode = await services.GetRequiredService<TerminalFrontEnd>().RunAsync(console, CancellationToken.None);
        return new TerminalRun(output.ToString(), exitCode);
    }

    public async Task<Core.Postmortem> LoadAsync(long id)
    {
        await using var services = BuildServices("test", strict: false);
        return await services.GetRequiredService<IPostmortemRepository>().GetAsync(new PostmortemId(id))
            ?? throw new InvalidOperationException($"Postmortem {id} is not in the database.");
    }

    /// <summary>Everything stored about a postmortem, as JSON, to prove a command changed nothing.</summary>
    public async Task<string> SnapshotAsync(long id) =>
        JsonSerializer.Serialize((await LoadAsync(id)).ToState(), PostmortemJsonContext.Default.PostmortemState);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }

    private ServiceProvider BuildServices(string user, bool strict)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = DatabasePath,
                ["Postmortem:DefaultTimeZone"] = TimeZone,
                ["Terminal:User"] = user,
                ["Terminal:Strict"] = strict ? "true" : "false",
                ["Terminal:ExportDirectory"] = _directory,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPostmortemEngine();
        services.AddLiteDbStorage(configuration);
        services.AddTerminal();
        if (Pictures)
        {
            services.AddPostmortemCharts();
        }

        return services.BuildServiceProvider();
    }
}
