using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postmortem.Bot.Hosting;
using Postmortem.Discord.Emulator;

namespace Postmortem.Benchmarks.BotLoad;

/// <summary>
/// The real bot host (src/Postmortem.Bot in Discord mode) against the emulator on a temporary SQLite file, the way
/// tests/Postmortem.DiscordBot.Tests' BotUnderTest fixture starts it. The host can be stopped on its own
/// (<see cref="StopBotAsync"/>) so the emulator's memory can be measured without it.
/// </summary>
internal sealed class LoadedBot : IAsyncDisposable
{
    private readonly string _directory;
    private IHost? _host;
    private WeakReference<IHost>? _stopped;

    private LoadedBot(DiscordEmulator emulator, string directory)
    {
        Emulator = emulator;
        _directory = directory;
    }

    public DiscordEmulator Emulator { get; }

    /// <summary>Warnings and errors the bot logged (kept out of the console so the report stays readable).</summary>
    public CountingLoggerProvider Log { get; } = new();

    public static async Task<LoadedBot> StartEmulatorAsync()
    {
        var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions
        {
            // The schema check is a node process validating every request body: it would compete with the bot for
            // the 2 cores. The tests already hold every request to it, and the C# limit checks stay on.
            ValidateSchemas = false,
            EnabledPrivilegedIntents = EmulatorIntents.MessageContent,
            // A generous wait for the set-up steps; the measured waits pass their own timeout.
            WaitTimeout = TimeSpan.FromSeconds(30),
        });
        return new LoadedBot(emulator, Directory.CreateTempSubdirectory("postmortem-botload-").FullName);
    }

    public async Task StartBotAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = Emulator.BotToken,
            ["Discord:ApiBaseUrl"] = Emulator.ApiBaseUrl.ToString(),
            ["Storage:DatabasePath"] = Path.Combine(_directory, "postmortems.db"),
        });
        builder.AddPostmortemBot(BotMode.Discord);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<ILoggerProvider>(Log);
        _host = builder.Build();
        await _host.StartAsync();
        await Emulator.Gateway.WaitForIdentifyAsync(1);
        await Emulator.WaitForAsync(() => Emulator.RegisteredCommands.Any(c => c.Name == "postmortem"), description: "/postmortem registered");
        await Emulator.WaitForAsync(() => Emulator.Gateway.IsReady, description: "the gateway ready");
    }

    /// <summary>True once the stopped host was garbage collected: nothing roots it, so the heap no longer counts it.</summary>
    public bool BotCollected => _stopped is { } stopped && !stopped.TryGetTarget(out _);

    /// <summary>Stops and disposes the bot host and drops the only reference to it, so a full GC can reclaim it.</summary>
    public async Task StopBotAsync()
    {
        if (_host is { } host)
        {
            _host = null;
            _stopped = new WeakReference<IHost>(host);
            try
            {
                await host.StopAsync();
            }
            finally
            {
                host.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's pool may still hold the file for a moment; the OS cleans temp folders.
        }
    }
}
