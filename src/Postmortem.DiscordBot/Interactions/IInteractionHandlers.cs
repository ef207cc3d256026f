using Postmortem.Discord.Models;

namespace Postmortem.DiscordBot.Interactions;

/// <summary>
/// Handles one part of a slash command: a subcommand (<c>/postmortem start</c>) or a whole subcommand group
/// (<c>/postmortem why …</c>). <see cref="Definition"/> is that option's definition; the registrar puts the
/// definitions of every handler of a command together under <see cref="Command"/>.
/// </summary>
public interface ISlashCommandHandler
{
    /// <summary>The top-level command, e.g. "postmortem" (declared with <c>AddSlashCommandRoot</c>).</summary>
    string Command { get; }

    /// <summary>The subcommand (type 1) or subcommand group (type 2) this handler answers.</summary>
    ApplicationCommandOption Definition { get; }

    Task HandleAsync(InteractionContext context, CancellationToken cancellationToken);

    /// <summary>The user is typing in an option with autocomplete; answer with up to 25 choices.</summary>
    Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken);
}

/// <summary>Handles buttons and selects whose custom id starts with one of <see cref="Prefixes"/>.</summary>
public interface IComponentHandler
{
    IReadOnlyCollection<string> Prefixes { get; }

    Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken);
}

/// <summary>Handles modal submits whose custom id starts with one of <see cref="Prefixes"/>.</summary>
public interface IModalHandler
{
    IReadOnlyCollection<string> Prefixes { get; }

    Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken);
}

/// <summary>
/// A message context-menu command (type 3: right-click a message, Apps). Discord sends the message in the
/// interaction's resolved data, content included, even without the Message Content intent.
/// </summary>
public interface IMessageCommandHandler
{
    /// <summary>The menu entry: 1-32 characters, spaces and capitals allowed ("Add to timeline").</summary>
    string Name { get; }

    Task HandleAsync(InteractionContext context, Message target, CancellationToken cancellationToken);
}
