using Postmortem.Core.Chat;
using Postmortem.Core.Commands;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Chat;

/// <summary>
/// Apps › <b>Add as graph</b> on a message: its image attachments, or else the Markdown table in its text, become
/// Metrics items (the rest of the text their caption), each keeping the message as its source so a second pull
/// is refused. With several postmortems open in the channel the user picks one from a private message that shows
/// what will be added and carries it (<see cref="GraphPick"/>), since a select click does not bring the target
/// message back: <c>chat-graph:{channel}:{message}</c>.
/// </summary>
public sealed class AddAsGraphMenu(ChatPostmortems candidates, PostmortemAccess access, PostmortemCommandRunner runner)
    : IMessageCommandHandler, IComponentHandler
{
    public const string MenuName = "Add as graph";
    public const string Prefix = "chat-graph";
    public const string NothingToAdd =
        "This message has no image attachment and no Markdown table (a header row, then | --- |), so there is nothing to add as a graph.";

    public string Name => MenuName;

    public IReadOnlyCollection<string> Prefixes { get; } = [Prefix];

    public async Task HandleAsync(InteractionContext context, Message target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        if (context.GuildId is not { } guildId)
        {
            await context.FailAsync(PostmortemAccess.OnlyInServers, cancellationToken);
            return;
        }

        var graphs = GraphPick.From(target);
        if (graphs.Count == 0)
        {
            await context.FailAsync(NothingToAdd, cancellationToken);
            return;
        }

        var open = await candidates.OpenInAsync(guildId, context.ChannelId, cancellationToken);
        if (open.Count == 0)
        {
            await context.FailAsync(ChatPostmortems.NoneOpen, cancellationToken);
            return;
        }

        if (open is [var only])
        {
            await AddAsync(context, only.Id, ChatMessages.Source(guildId, target.ChannelId, target.Id), graphs, update: false, cancellationToken);
            return;
        }

        var select = new StringSelect
        {
            CustomId = CustomId.Format(Prefix, target.ChannelId.ToString(), target.Id.ToString()),
            Placeholder = "Which postmortem?",
            Options = [.. open.Take(25).Select(ChatPostmortems.Option)],
            MinValues = 1,
            MaxValues = 1,
        };
        var pick = InteractionContext.Ephemeral($"Several postmortems are open in this channel. Add {GraphPick.Describe(graphs)} to which one?", [new ActionRow([select])]);
        await context.ReplyAsync(
            pick with { Embeds = GraphPick.Embeds(graphs) },
            cancellationToken);
    }

    /// <summary>The postmortem was picked: add what the pick message carries.</summary>
    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customId);
        if (context.GuildId is not { } guildId || !Snowflake.TryParse(customId.Arg(0), out var channelId) || !Snowflake.TryParse(customId.Arg(1), out var messageId)
            || context.Data.Values is not [var picked] || !PostmortemId.TryParse(picked, out var id)
            || GraphPick.Read(context.Interaction.Message) is not { Count: > 0 } graphs)
        {
            await context.FailAsync(InteractionRouter.UnknownComponentMessage, cancellationToken);
            return;
        }

        await AddAsync(context, id, ChatMessages.Source(guildId, channelId, messageId), graphs, update: true, cancellationToken);
    }

    private async Task AddAsync(
        InteractionContext context, PostmortemId id, ChatSource source, IReadOnlyList<GraphPick> graphs, bool update, CancellationToken cancellationToken)
    {
        if (await access.LoadAsync(context, id, requireThread: false, cancellationToken) is not { } postmortem)
        {
            return;
        }

        var added = new List<int>();
        var refused = new List<string>();
        foreach (var graph in graphs)
        {
            PostmortemCommand command = graph.Table is { } table
                ? new AddMetricTable(table, graph.Caption) { Source = source }
                : new AddMetricImage(graph.Url, graph.AttachmentId, graph.Caption) { Source = source };
            var outcome = await runner.ExecuteAsync(context, postmortem.Id, command, cancellationToken);
            if (outcome is { Succeeded: true, Result.CreatedId: { } created })
            {
                added.Add(created);
            }
            else
            {
                refused.Add(outcome.Result.Message ?? "Nothing was changed.");
            }
        }

        var lines = new List<string>();
        if (added.Count > 0)
        {
            lines.Add($"Added to Metrics/Graphs of #{postmortem.Id}: {(added.Count == 1 ? "item" : "items")} {string.Join(", ", added)} ([message]({source.Link})).");
        }

        lines.AddRange(refused.Distinct(StringComparer.Ordinal));
        var text = DiscordMarkdown.Truncate(string.Join("\n", lines), DiscordLimits.MessageContent);
        if (added.Count == 0 && !update)
        {
            await context.FailAsync(text, cancellationToken);
        }
        else if (update)
        {
            await context.UpdateMessageAsync(new MessagePayload { Content = text, Components = [], Embeds = [] }, cancellationToken);
        }
        else
        {
            await context.ReplyEphemeralAsync(text, cancellationToken: cancellationToken);
        }
    }
}
