using Microsoft.Extensions.Hosting;
using Postmortem.Discord.Emulator;
using Postmortem.Playground.Clock;
using Postmortem.Playground.Sample;
using Postmortem.Playground.Web;

namespace Postmortem.Playground;

/// <summary>
/// A running playground: the emulator with the sample server, the real bot (built by the host from
/// <see cref="PlaygroundBotSettings"/>) connected to it, and the page at <see cref="Url"/>. Everything listens on
/// 127.0.0.1 only.
/// </summary>
public sealed class PlaygroundSession : IAsyncDisposable
{
    private readonly PlaygroundWebServer _web;
    private readonly IHost _bot;

    private PlaygroundSession(DiscordEmulator emulator, SampleServer server, PlaygroundClock clock, IHost bot, PlaygroundWebServer web)
    {
        Emulator = emulator;
        Server = server;
        Clock = clock;
        _bot = bot;
        _web = web;
    }

    /// <summary>The page, e.g. http://127.0.0.1:5170/.</summary>
    public Uri Url => _web.Url;

    public DiscordEmulator Emulator { get; }

    public SampleServer Server { get; }

    public PlaygroundClock Clock { get; }

    public IServiceProvider BotServices => _bot.Services;

    /// <param name="options">Port, data folder, start over or not.</param>
    /// <param name="buildBot">The host's bot, wired exactly as for Discord, with these settings (not started).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<PlaygroundSession> StartAsync(PlaygroundOptions options, Func<PlaygroundBotSettings, IHost> buildBot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(buildBot);
        Directory.CreateDirectory(options.DataDirectory);
        if (options.Fresh)
        {
            DeleteDatabase(options);
        }

        var clock = new PlaygroundClock();
        var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions
        {
            Time = clock,
            EnabledPrivilegedIntents = EmulatorIntents.MessageContent | EmulatorIntents.GuildMembers,
            // A person clicks, reads and clicks again: the default 10 s a test waits would be too short for nothing.
            WaitTimeout = TimeSpan.FromSeconds(30),
        }, cancellationToken);
        IHost? bot = null;
        try
        {
            var server = SampleServer.Create(emulator);
            bot = buildBot(new PlaygroundBotSettings(emulator.ApiBaseUrl, emulator.BotToken, options.DatabasePath, clock));
            await bot.StartAsync(cancellationToken);
            await emulator.Gateway.WaitForIdentifyAsync();
            await emulator.WaitForAsync(() => emulator.Gateway.IsReady && emulator.RegisteredCommands.Count > 0,
                description: "the bot connected and its commands registered");
            var web = await PlaygroundWebServer.StartAsync(options.Port, emulator, server, clock, cancellationToken);
            return new PlaygroundSession(emulator, server, clock, bot, web);
        }
        catch
        {
            if (bot is not null)
            {
                await StopAsync(bot);
            }

            await emulator.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _web.DisposeAsync();
        await StopAsync(_bot);
        await Emulator.DisposeAsync();
    }

    // Only the database and its companion files (journal, WAL, log): the folder may be one the user chose.
    private static void DeleteDatabase(PlaygroundOptions options)
    {
        var name = Path.GetFileNameWithoutExtension(options.DatabasePath);
        foreach (var file in Directory.EnumerateFiles(options.DataDirectory, name + "*"))
        {
            File.Delete(file);
        }
    }

    private static async Task StopAsync(IHost bot)
    {
        await bot.StopAsync();
        bot.Dispose();
    }
}
