using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Commands;

/// <summary>
/// Registers the slash commands when the gateway is first ready: one bulk overwrite, globally or per configured
/// development guild. The definitions come from the handlers, so a new handler is registered by being added.
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

    public async ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken)
    {
        if (evt is not ReadyEvent { Ready: var ready } || Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        try
        {
            var applicationId = ready.Application?.Id ?? (await _rest.GetCurrentApplicationAsync(cancellationToken)).Id;
            if (_options.CommandGuildIds.Count == 0)
            {
                await _rest.OverwriteGlobalCommandsAsync(applicationId, Commands, cancellationToken);
                LogRegisteredGlobally(_logger, Commands.Count);
                return;
            }

            foreach (var guild in _options.CommandGuildIds)
            {
                await _rest.OverwriteGuildCommandsAsync(applicationId, Snowflake.Parse(guild), Commands, cancellationToken);
                LogRegisteredInGuild(_logger, Commands.Count, guild);
            }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the slash commands failed: {Reason}")]
    private static partial void LogRegistrationFailed(ILogger logger, string reason);
}
