using Microsoft.Extensions.Options;
using Postmortem.Core.Actions;
using Postmortem.Core.Reminders;
using Postmortem.Discord.Models;
using Postmortem.Reminders.Digest;
using Postmortem.Reminders.Settings;

namespace Postmortem.Reminders.Interactions;

/// <summary>
/// "/actions mine" (your open items) and "/actions overdue" (every overdue item of the guild): ephemeral lists,
/// ten items a page, with Previous/Next buttons.
/// </summary>
public sealed class ActionsCommand(
    IActionItemQueries queries,
    GuildReminderSettings settings,
    IOptions<ReminderOptions> options,
    TimeProvider time)
{
    public const string Name = "actions";
    public const string Mine = "mine";
    public const string Overdue = "overdue";
    public const int PageSize = 10;

    /// <summary>The command to register.</summary>
    public static ApplicationCommand Definition { get; } = new()
    {
        Name = Name,
        Description = "List open postmortem action items",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = Mine, Description = "Your open action items" },
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = Overdue, Description = "Every overdue action item in this server" },
        ],
    };

    /// <summary>Answers "/actions mine" and "/actions overdue" with the first page.</summary>
    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var list = interaction.Data?.GetSubcommand();
        if (list is not (Mine or Overdue))
        {
            return ReminderInteractions.Reply("Use /actions mine or /actions overdue.");
        }

        return InteractionResponse.Message(await PageMessageAsync(interaction, list, 0, cancellationToken));
    }

    /// <summary>Answers a Previous/Next click by replacing the list with that page.</summary>
    public async Task<InteractionResponse> PageAsync(Interaction interaction, string list, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (list is not (Mine or Overdue))
        {
            return ReminderInteractions.Reply("This button is not valid any more.");
        }

        // UPDATE_MESSAGE edits the clicked message, which already is ephemeral: Discord refuses EPHEMERAL (64) there.
        var message = await PageMessageAsync(interaction, list, page, cancellationToken);
        return InteractionResponse.UpdateMessage(message with { Flags = null });
    }

    private async Task<MessagePayload> PageMessageAsync(Interaction interaction, string list, int page, CancellationToken cancellationToken)
    {
        if (interaction.GuildId is not { } guild || interaction.User is not { } user)
        {
            return Ephemeral("Use /actions in a server.");
        }

        await settings.LoadAsync(cancellationToken);
        var guildId = guild.ToString();
        var today = ZonedTime.LocalDate(time.GetUtcNow(), settings.For(guildId).TimeZone);
        var items = await queries.ListOpenAsync(
            guildId,
            ownerId: list == Mine ? user.Id.ToString() : null,
            dueBefore: list == Overdue ? today : null,
            cancellationToken: cancellationToken);
        if (items.Count == 0)
        {
            return Ephemeral(list == Mine ? "You have no open action items here." : "Nothing is overdue. 🎉");
        }

        var pages = (items.Count + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 0, pages - 1);
        var heading = list == Mine
            ? $"**Your open action items** ({items.Count})"
            : $"**Overdue action items** ({items.Count})";
        var lines = new List<string> { heading + (pages > 1 ? $", page {page + 1} of {pages}" : "") };
        lines.AddRange(items.Skip(page * PageSize).Take(PageSize).Select(i => DigestText.Line(i, today, options.Value.ChannelLinkBase)));
        var message = Ephemeral(DigestText.Fit(lines, 2000));
        return pages == 1 ? message : message with
        {
            Components =
            [
                new ActionRow(
                [
                    Button.Secondary(ReminderCustomIds.ForPage(list, page - 1), "Previous") with { Disabled = page == 0 },
                    Button.Secondary(ReminderCustomIds.ForPage(list, page + 1), "Next") with { Disabled = page >= pages - 1 },
                ]),
            ],
        };
    }

    private static MessagePayload Ephemeral(string text) =>
        new() { Content = text, Flags = MessageFlags.Ephemeral, AllowedMentions = AllowedMentions.None, Components = [] };
}
