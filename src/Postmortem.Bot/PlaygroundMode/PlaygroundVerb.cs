using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postmortem.Bot.Hosting;
using Postmortem.Playground;

namespace Postmortem.Bot.PlaygroundMode;

/// <summary>
/// <c>playground [--port N] [--fresh]</c>: the real bot, wired as for Discord, against the playground's fake Discord
/// on 127.0.0.1, with its own database and clock. Runs until Ctrl+C.
/// </summary>
public static class PlaygroundVerb
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (Options(args) is not { } options)
        {
            await errors.WriteLineAsync($"--port takes a number from 0 to 65535. {BotCommandLine.Usage}");
            return 2;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        PlaygroundSession playground;
        try
        {
            playground = await PlaygroundSession.StartAsync(options, settings => BuildBot(settings, args), stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The details are logged; the one line says what to fix (a port in use, a broken template file).
            await errors.WriteLineAsync($"The playground could not start: {ex.Message}");
            return 1;
        }

        await using var running = playground;
        // The bot's host handles Ctrl+C and SIGTERM (its console lifetime) by stopping; the playground stops with it.
        using var stopping = playground.BotServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(stop.Cancel);
        await output.WriteLineAsync($"Playground running at {playground.Url} (data: {options.DatabasePath}). Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop everything below.
        }

        return 0;
    }

    /// <summary>The playground options from <c>--port</c>, <c>--fresh</c> and <c>--Playground:DataDirectory</c>; null when the port is not one.</summary>
    public static PlaygroundOptions? Options(IReadOnlyList<string> args)
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine([.. args], BotCommandLine.SwitchMappings.ToDictionary(StringComparer.OrdinalIgnoreCase))
            .Build()
            .GetSection("Playground");
        var defaults = new PlaygroundOptions();
        var port = defaults.Port;
        if (configuration["Port"] is { } text && (!int.TryParse(text, out port) || port is < 0 or > 65535))
        {
            return null;
        }

        return defaults with
        {
            Port = port,
            Fresh = configuration.GetValue<bool>("Fresh"),
            DataDirectory = configuration["DataDirectory"] is { Length: > 0 } directory ? directory : defaults.DataDirectory,
        };
    }

    /// <summary>
    /// The Discord-mode bot with the playground's settings. The operator's user-secrets and environment are not read:
    /// a real token or command guild there must not leak into, or break, the playground.
    /// </summary>
    public static IHost BuildBot(PlaygroundBotSettings settings, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);
        builder.Configuration.AddCommandLine([.. args.Where(a => a.Contains(':', StringComparison.Ordinal) && !a.StartsWith("--Playground:", StringComparison.OrdinalIgnoreCase))]);
        builder.Configuration.AddInMemoryCollection(settings.Configuration);
        builder.Services.AddSingleton(settings.Time);
        builder.AddPostmortemBot(BotMode.Discord);
        // The page is the interface; the console keeps the address readable and shows only what went wrong.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder.Build();
    }
}
