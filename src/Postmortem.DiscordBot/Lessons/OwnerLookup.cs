using Microsoft.Extensions.DependencyInjection;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>
/// Turns an owner typed by name in a form into a member, with Discord's member search (Request Guild Members with a
/// username prefix, which needs no privileged intent). An exact username wins; otherwise the prefix must fit exactly
/// one person. Anything else is the user's to fix, so it comes back as a message and nothing changes.
/// </summary>
/// <remarks>
/// The search is the gateway client, which is built from the dispatcher, which is built from the handlers, this
/// form's among them: resolving it when the first owner is typed (not in the constructor) breaks that cycle.
/// </remarks>
public sealed class OwnerLookup(IServiceProvider services, TimeProvider time)
{
    /// <summary>How many matches to ask for: enough to list a few when the name is ambiguous.</summary>
    public const int Candidates = 10;

    // The form's answer is due within Discord's 3 s of the submit; the search has to leave room for the reply.
    private static readonly TimeSpan _searchBudget = TimeSpan.FromSeconds(1.5);

    public async Task<(UserRef? Owner, string? Error)> FindAsync(InteractionContext context, string typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = typed.Trim().TrimStart('@');
        if (context.Interaction.GuildId is not { } guildId)
        {
            return (null, "Owners by name work in a server. Leave Owner empty to own it yourself. Nothing was changed.");
        }

        IReadOnlyList<GuildMember> found;
        using var budget = new CancellationTokenSource(_searchBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            var members = services.GetRequiredService<IGuildMemberSearch>();
            found = await members.SearchMembersAsync(guildId, name, Candidates, linked.Token);
        }
        catch (Exception ex) when (ex is TimeoutException or GatewayRateLimitedException or InvalidOperationException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, "Could not look members up just now; try again, or leave Owner empty to own it yourself. Nothing was changed.");
        }

        var people = found.Where(m => m.User is { Bot: not true }).ToList();
        var exact = people.Where(m => string.Equals(m.User!.Username, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if ((exact.Count == 1 ? exact : people) is [var only])
        {
            return (new UserRef(only.User!.Id.ToString(), only.DisplayName ?? only.User.Username), null);
        }

        var shown = DiscordMarkdown.Escape(name, singleLine: true);
        return people.Count == 0
            ? (null, $"No member's username starts with \"{shown}\". Nothing was changed.")
            : (null, $"{(people.Count >= Candidates ? "Many" : people.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} members' usernames start with \"{shown}\" "
                     + $"({string.Join(", ", people.Take(5).Select(m => DiscordMarkdown.Escape(m.User!.Username, singleLine: true)))}): type more of the name. Nothing was changed.");
    }
}
