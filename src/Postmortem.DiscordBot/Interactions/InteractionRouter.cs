using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Postmortem.Core.Application;
using Postmortem.Core.Text;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;

namespace Postmortem.DiscordBot.Interactions;

/// <summary>
/// Sends every interaction to its handler: slash commands and autocomplete by command and subcommand (or group)
/// name, components and modal submits by custom id prefix. Then runs the work the handler queued for after its
/// answer. Whatever goes wrong, the user gets one clear ephemeral line and the bot carries on.
/// </summary>
public sealed partial class InteractionRouter : IGatewayEventHandler
{
    public const string UnknownComponentMessage = "This button belongs to an older version of the bot and no longer works.";
    public const string BusyMessage = "Several people changed this postmortem at the same moment; nothing was saved. Please try again.";
    public const string StorageMessage = "The bot cannot reach its database right now; nothing was changed. Please try again shortly.";
    public const string FailureMessage = "Something went wrong on the bot's side; the operator can find the details in its log.";

    private readonly IDiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionRouter> _logger;
    private readonly Dictionary<(string Command, string Option), ISlashCommandHandler> _commands = [];
    private readonly Dictionary<string, IComponentHandler> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IModalHandler> _modals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IMessageCommandHandler> _messageCommands = new(StringComparer.Ordinal);

    public InteractionRouter(
        IDiscordRestClient rest,
        IEnumerable<ISlashCommandHandler> commands,
        IEnumerable<IComponentHandler> components,
        IEnumerable<IModalHandler> modals,
        ILogger<InteractionRouter> logger,
        IEnumerable<IMessageCommandHandler>? messageCommands = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(commands);
        _time = time ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(modals);
        _rest = rest;
        _logger = logger;
        foreach (var handler in commands)
        {
            var definition = handler.Definition;
            if (definition.Type is not (ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup))
            {
                throw new InvalidOperationException($"{handler.GetType().Name} must define a subcommand or a subcommand group.");
            }

            if (!_commands.TryAdd((handler.Command, definition.Name), handler))
            {
                throw new InvalidOperationException($"/{handler.Command} {definition.Name} is handled twice ({handler.GetType().Name}).");
            }
        }

        foreach (var handler in components)
        {
            foreach (var prefix in handler.Prefixes)
            {
                if (!_components.TryAdd(prefix, handler))
                {
                    throw new InvalidOperationException($"Component prefix \"{prefix}\" is handled twice ({handler.GetType().Name}).");
                }
            }
        }

        foreach (var handler in messageCommands ?? [])
        {
            if (!_messageCommands.TryAdd(handler.Name, handler))
            {
                throw new InvalidOperationException($"Message command \"{handler.Name}\" is handled twice ({handler.GetType().Name}).");
            }
        }

        foreach (var handler in modals)
        {
            foreach (var prefix in handler.Prefixes)
            {
                if (!_modals.TryAdd(prefix, handler))
                {
                    throw new InvalidOperationException($"Modal prefix \"{prefix}\" is handled twice ({handler.GetType().Name}).");
                }
            }
        }
    }

    public async ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken)
    {
        if (evt is InteractionCreateEvent { Interaction: var interaction })
        {
            await DispatchAsync(interaction, cancellationToken);
        }
    }

    public async Task DispatchAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        // The gateway hands interactions over as they arrive, so now is when INTERACTION_CREATE came in.
        var context = new InteractionContext(interaction, _rest, _time.GetUtcNow() + DiscordRestClient.InteractionDeadline);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await RouteAsync(context, cancellationToken);
            if (!context.IsAcknowledged)
            {
                LogUnanswered(_logger, interaction.Id, Describe(interaction));
                await context.FailAsync(FailureMessage, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (ConcurrencyException)
        {
            await TryFailAsync(context, BusyMessage, cancellationToken);
        }
        catch (StorageException ex)
        {
            LogStorageFailed(_logger, ex, Describe(interaction));
            await TryFailAsync(context, StorageMessage, cancellationToken);
        }
#pragma warning disable CA1031 // One interaction's failure must never take the gateway handler down; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, ex, Describe(interaction));
            await TryFailAsync(context, FailureMessage, cancellationToken);
        }

        var route = Describe(interaction);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogHandled(_logger, interaction.Id, route, elapsed);
        foreach (var work in context.TakeAfterResponse())
        {
            try
            {
                await work(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Follow-up work (dashboard edits, next prompts) is best effort once the user has an answer.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogAfterResponseFailed(_logger, ex, Describe(interaction));
            }
        }
    }

    private Task RouteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        var data = context.Data;
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand when data.Type == ApplicationCommandType.Message:
                return data.Name is { } menu && _messageCommands.TryGetValue(menu, out var messageCommand)
                    && data.TargetId is { } targetId && data.Resolved?.Messages?.GetValueOrDefault(targetId) is { } target
                    ? messageCommand.HandleAsync(context, target, cancellationToken)
                    : context.FailAsync(UnknownComponentMessage, cancellationToken);
            case InteractionType.ApplicationCommand when FindCommand(data) is { } command:
                return command.HandleAsync(context, cancellationToken);
            case InteractionType.ApplicationCommandAutocomplete when FindCommand(data) is { } command:
                return data.GetFocusedOption() is { } focused
                    ? command.AutocompleteAsync(context, focused, cancellationToken)
                    : context.SuggestAsync([], cancellationToken);
            case InteractionType.MessageComponent
                when CustomId.TryParse(data.CustomId, out var id) && _components.TryGetValue(id.Prefix, out var component):
                return component.HandleAsync(context, id, cancellationToken);
            case InteractionType.ModalSubmit
                when CustomId.TryParse(data.CustomId, out var id) && _modals.TryGetValue(id.Prefix, out var modal):
                return modal.HandleAsync(context, id, cancellationToken);
            case InteractionType.ApplicationCommandAutocomplete:
                return context.SuggestAsync([], cancellationToken);
            default:
                LogUnrouted(_logger, Describe(interaction));
                return context.FailAsync(UnknownComponentMessage, cancellationToken);
        }
    }

    private ISlashCommandHandler? FindCommand(InteractionData data)
    {
        var top = data.Options?.FirstOrDefault(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup);
        return data.Name is { } name && top is not null && _commands.TryGetValue((name, top.Name), out var handler) ? handler : null;
    }

    private async Task TryFailAsync(InteractionContext context, string message, CancellationToken cancellationToken)
    {
        try
        {
            await context.FailAsync(message, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            LogCouldNotTell(_logger, ex, Describe(context.Interaction));
        }
    }

    // Names and custom ids come from the client: escaped, so a forged one cannot start a log line of its own.
    private static string Describe(Interaction interaction) => LogText.Escape(interaction.Type switch
    {
        InteractionType.ApplicationCommand when interaction.Data?.Type == ApplicationCommandType.Message => $"[{interaction.Data.Name}]",
        InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete =>
            $"/{interaction.Data?.Name} {interaction.Data?.GetSubcommandGroup()} {interaction.Data?.GetSubcommand()}".Replace("  ", " ", StringComparison.Ordinal).TrimEnd(),
        _ => interaction.Data?.CustomId ?? interaction.Type.ToString(),
    });

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {InteractionId} {Route} handled in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, Snowflake interactionId, string route, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId} {Route}: the handler returned without answering")]
    private static partial void LogUnanswered(ILogger logger, Snowflake interactionId, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No handler for interaction {Route}")]
    private static partial void LogUnrouted(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database failed while handling {Route}")]
    private static partial void LogStorageFailed(ILogger logger, Exception exception, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Route} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work after answering {Route} failed")]
    private static partial void LogAfterResponseFailed(ILogger logger, Exception exception, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the user that {Route} failed")]
    private static partial void LogCouldNotTell(ILogger logger, Exception exception, string route);
}
