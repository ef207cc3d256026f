using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Commands;

/// <summary>
/// Registers the slash commands when the gateway is first ready, globally or per configured development guild: it
/// reads what is registered and overwrites only when that differs from the handlers' definitions, so restarts do
/// not spend Discord's command-write rate limit. The work runs beside the gateway, never in its ordered event queue
/// (a 429 wait there would hold up every event of that queue).
/// </summary>
public sealed partial class CommandRegistrar : IGatewayEventHandler
{
    private readonly IDiscordRestClient _rest;
    private readonly DiscordFrontEndOptions _options;
    private readonly ILogger<CommandRegistrar> _logger;
    private int _registered;

    public CommandRegistrar(
        IDiscordRestClient rest,
        IEnumerable<SlashCommandRoot> roots,
        IEnumerable<ISlashCommandHandler> handlers,
        IOptions<DiscordFrontEndOptions> options,
        ILogger<CommandRegistrar> logger,
        IEnumerable<IMessageCommandHandler>? messageCommands = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rest = rest;
        _options = options.Value;
        _logger = logger;
        Commands = [.. Build(roots, handlers), .. (messageCommands ?? []).Select(MessageCommand)];
        ApplicationCommandValidator.EnsureValid(Commands);
    }

    /// <summary>What is registered: each root with its handlers' subcommands and groups.</summary>
    public IReadOnlyList<ApplicationCommand> Commands { get; }

    /// <summary>The latest registration run (completed before the first READY).</summary>
    public Task Registration { get; private set; } = Task.CompletedTask;

    public ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken)
    {
        if (evt is ReadyEvent { Ready: var ready } && Interlocked.Exchange(ref _registered, 1) == 0)
        {
            // Not awaited: the dispatcher's token still cancels it when the bot stops.
            Registration = Task.Run(() => RegisterAsync(ready, cancellationToken), CancellationToken.None);
        }

        return ValueTask.CompletedTask;
    }

    private async Task RegisterAsync(Ready ready, CancellationToken cancellationToken)
    {
        try
        {
            var applicationId = ready.Application?.Id ?? (await _rest.GetCurrentApplicationAsync(cancellationToken)).Id;
            if (_options.CommandGuildIds.Count == 0)
            {
                if (ApplicationCommandComparison.Matches(Commands, await _rest.GetGlobalCommandsAsync(applicationId, cancellationToken)))
                {
                    LogUpToDateGlobally(_logger, Commands.Count);
                    return;
                }

                await _rest.OverwriteGlobalCommandsAsync(applicationId, Commands, cancellationToken);
                LogRegisteredGlobally(_logger, Commands.Count);
                return;
            }

            foreach (var guild in _options.CommandGuildIds)
            {
                var guildId = Snowflake.Parse(guild);
                if (ApplicationCommandComparison.Matches(Commands, await _rest.GetGuildCommandsAsync(applicationId, guildId, cancellationToken)))
                {
                    LogUpToDateInGuild(_logger, Commands.Count, guild);
                    continue;
                }

                await _rest.OverwriteGuildCommandsAsync(applicationId, guildId, Commands, cancellationToken);
                LogRegisteredInGuild(_logger, Commands.Count, guild);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _registered, 0);
        }
        catch (DiscordRestException ex)
        {
            // The next READY (a reconnect) tries again; until then the old registration stays in place.
            Interlocked.Exchange(ref _registered, 0);
            LogRegistrationFailed(_logger, ex.Message);
        }
    }

    private static List<ApplicationCommand> Build(IEnumerable<SlashCommandRoot> roots, IEnumerable<ISlashCommandHandler> handlers)
    {
        var byCommand = handlers.GroupBy(h => h.Command, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var commands = new List<ApplicationCommand>();
        foreach (var root in roots.DistinctBy(r => r.Name))
        {
            commands.Add(new ApplicationCommand
            {
                Name = root.Name,
                Description = root.Description,
                Options = [.. byCommand.GetValueOrDefault(root.Name, []).Select(h => h.Definition)],
                Contexts = [InteractionContextType.Guild],
                IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
            });
            byCommand.Remove(root.Name);
        }

        return byCommand.Count == 0
            ? commands
            : throw new InvalidOperationException($"Handlers for undeclared commands: {string.Join(", ", byCommand.Keys)}; add them with AddSlashCommandRoot.");
    }

    // Context-menu commands take no description and no options; guild-only like /postmortem.
    private static ApplicationCommand MessageCommand(IMessageCommandHandler handler) => new()
    {
        Type = ApplicationCommandType.Message,
        Name = handler.Name,
        Contexts = [InteractionContextType.Guild],
        IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash command(s) globally")]
    private static partial void LogRegisteredGlobally(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash command(s) in guild {GuildId}")]
    private static partial void LogRegisteredInGuild(ILogger logger, int count, string guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Count} slash command(s) are registered globally already; nothing to write")]
    private static partial void LogUpToDateGlobally(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Count} slash command(s) are registered in guild {GuildId} already; nothing to write")]
    private static partial void LogUpToDateInGuild(ILogger logger, int count, string guildId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the slash commands failed: {Reason}")]
    private static partial void LogRegistrationFailed(ILogger logger, string reason);
}
