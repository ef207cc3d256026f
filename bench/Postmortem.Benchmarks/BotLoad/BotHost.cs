using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postmortem.Bot.Hosting;

namespace Postmortem.Benchmarks.BotLoad;

/// <summary>
/// The real bot host (src/Postmortem.Bot in Discord mode) on a temporary storage folder, pointed at an emulator by
/// token and API address only, so the emulator can live in this process or in another one. The host can be stopped
/// on its own (<see cref="StopAsync"/>) so memory can be measured without it.
/// </summary>
internal sealed class BotHost : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("postmortem-botload-").FullName;
    private IHost? _host;
    private WeakReference<IHost>? _stopped;

    private string DatabasePath => Path.Combine(_directory, "postmortems.litedb");

    /// <summary>The size of the LiteDB log file now, in bytes (what the checkpoints have not yet copied into the data file).</summary>
    public long LogFileBytes => new FileInfo(Postmortem.Storage.LiteDb.Engine.LiteDbDatabase.LogPathOf(DatabasePath)) is { Exists: true } log ? log.Length : 0;

    /// <summary>Warnings and errors the bot logged (kept out of the console so the report stays readable).</summary>
    public CountingLoggerProvider Log { get; } = new();

    /// <summary>Starts the host; the emulator side waits for it to identify and register its commands.</summary>
    public async Task StartAsync(string token, Uri apiBaseUrl)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = token,
            ["Discord:ApiBaseUrl"] = apiBaseUrl.ToString(),
            ["Storage:DatabasePath"] = DatabasePath,
        });
        builder.AddPostmortemBot(BotMode.Discord);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<ILoggerProvider>(Log);
        _host = builder.Build();
        await _host.StartAsync();
    }

    /// <summary>True once the stopped host was garbage collected: nothing roots it, so the heap no longer counts it.</summary>
    public bool Collected => _stopped is { } stopped && !stopped.TryGetTarget(out _);

    /// <summary>Stops and disposes the bot host and drops the only reference to it, so a full GC can reclaim it.</summary>
    public async Task StopAsync()
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
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The storage engine may still hold the file for a moment; the OS cleans temp folders.
        }
    }
}
