using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Interactions;

/// <summary>
/// One interaction being handled: who, where, and the ways to answer it. The first answer must reach Discord
/// within 3 s: reply directly when the work is a database operation, defer first when it calls Discord.
/// Work queued with <see cref="AfterResponse(Func{CancellationToken, Task})"/> runs once the handler returned (and so has answered).
/// </summary>
/// <param name="interaction">The interaction as INTERACTION_CREATE delivered it.</param>
/// <param name="rest">The REST client that answers it.</param>
/// <param name="respondBy">When the first answer is due: 3 s after INTERACTION_CREATE arrived.</param>
public sealed class InteractionContext(Interaction interaction, IDiscordRestClient rest, DateTimeOffset respondBy)
{
    private readonly List<Func<CancellationToken, Task>> _afterResponse = [];
    private readonly HashSet<string> _afterResponseKeys = new(StringComparer.Ordinal);

    public Interaction Interaction { get; } = interaction;

    public IDiscordRestClient Rest { get; } = rest;

    public InteractionData Data => Interaction.Data ?? new InteractionData();

    /// <summary>The guild the interaction came from, or null in DMs.</summary>
    public string? GuildId => Interaction.GuildId?.ToString();

    public Snowflake ChannelId => Interaction.ChannelId ?? Interaction.Channel?.Id ?? default;

    /// <summary>True when the interaction happened inside a thread (a postmortem lives in one).</summary>
    public bool IsInThread => Interaction.Channel?.IsThread == true;

    public User User => Interaction.User ?? throw new InvalidOperationException($"{Interaction} has no user.");

    /// <summary>The person acting, as the engine knows them (server nickname first).</summary>
    public UserRef Actor => new(User.Id.ToString(), Interaction.Member?.DisplayName ?? User.DisplayName);

    /// <summary>Administrator or Manage Guild in this guild.</summary>
    public bool IsGuildAdmin =>
        Interaction.Member?.Permissions is { } permissions
        && (permissions.HasFlag(Permissions.Administrator) || permissions.HasFlag(Permissions.ManageGuild));

    public bool HasRole(string roleId) =>
        Interaction.Member?.Roles.Any(r => string.Equals(r.ToString(), roleId, StringComparison.Ordinal)) == true;

    /// <summary>When the first answer must have reached Discord.</summary>
    public DateTimeOffset RespondBy { get; } = respondBy;

    /// <summary>The callback type of the first answer (once it was sent, even if unconfirmed), or null while there is none.</summary>
    public InteractionCallbackType? Response { get; private set; }

    /// <summary>True once a first answer was sent or may have been: no second one may follow.</summary>
    public bool IsAcknowledged => Response is not null;

    /// <summary>The first answer may have reached Discord but that is unconfirmed (its answer was lost near the deadline).</summary>
    public bool IsAcknowledgementUncertain { get; private set; }

    /// <summary>Queues work for after the answer (dashboard edits, next prompts): it never delays the 3-second reply.</summary>
    public void AfterResponse(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _afterResponse.Add(work);
    }

    /// <summary>Like <see cref="AfterResponse(Func{CancellationToken, Task})"/>, but work with the same key is queued once.</summary>
    public void AfterResponse(string key, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_afterResponseKeys.Add(key))
        {
            AfterResponse(work);
        }
    }

    internal IReadOnlyList<Func<CancellationToken, Task>> TakeAfterResponse()
    {
        var work = _afterResponse.ToArray();
        _afterResponse.Clear();
        return work;
    }

    public async Task RespondAsync(InteractionResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (IsAcknowledged)
        {
            throw new InvalidOperationException($"{Interaction} was already answered with {Response}.");
        }

        // Recorded before sending: whatever happens to the request, the error path must not send a second first
        // answer (Discord would refuse it with 40060, or the user would see the error after the answer).
        Response = response.Type;
        try
        {
            var outcome = await Rest.RespondToInteractionAsync(Interaction.Id, Interaction.Token, response, RespondBy, cancellationToken);
            IsAcknowledgementUncertain = outcome == InteractionCallbackOutcome.MaybeAcknowledged;
        }
        catch (DiscordHttpException ex) when (ex.Code == DiscordErrorCodes.InteractionAlreadyAcknowledged)
        {
            throw; // answered already (by an earlier delivery of the same interaction): still no second answer
        }
        catch (DiscordRestException)
        {
            // The client throws only when Discord certainly did not take it (refused, or never reached in time).
            Response = null;
            throw;
        }
    }

    public Task ReplyAsync(MessagePayload message, CancellationToken cancellationToken = default) =>
        RespondAsync(InteractionResponse.Message(message), cancellationToken);

    public Task ReplyEphemeralAsync(string content, IReadOnlyList<Component>? components = null, CancellationToken cancellationToken = default) =>
        ReplyAsync(Ephemeral(content, components), cancellationToken);

    /// <summary>"Thinking…" now; fill it in with <see cref="EditOriginalAsync"/>.</summary>
    public Task DeferAsync(bool ephemeral, CancellationToken cancellationToken = default) =>
        RespondAsync(InteractionResponse.DeferredMessage(ephemeral), cancellationToken);

    /// <summary>Components: acknowledge without changing the clicked message yet.</summary>
    public Task DeferUpdateAsync(CancellationToken cancellationToken = default) =>
        RespondAsync(InteractionResponse.DeferredUpdate(), cancellationToken);

    /// <summary>Components (and modals opened from one): replace the clicked message.</summary>
    public Task UpdateMessageAsync(MessagePayload message, CancellationToken cancellationToken = default) =>
        RespondAsync(InteractionResponse.UpdateMessage(message), cancellationToken);

    public Task ShowModalAsync(ModalData modal, CancellationToken cancellationToken = default) =>
        RespondAsync(InteractionResponse.Modal(modal), cancellationToken);

    public Task SuggestAsync(IEnumerable<ApplicationCommandChoice> choices, CancellationToken cancellationToken = default) =>
        RespondAsync(InteractionResponse.Autocomplete(choices.Take(DiscordLimits.AutocompleteChoices)), cancellationToken);

    public Task<Message> EditOriginalAsync(MessagePayload edit, CancellationToken cancellationToken = default) =>
        Rest.EditOriginalResponseAsync(Interaction, edit, cancellationToken);

    public Task<Message> FollowupAsync(MessagePayload message, CancellationToken cancellationToken = default) =>
        Rest.CreateFollowupAsync(Interaction, message, cancellationToken);

    public Task<Message> FollowupEphemeralAsync(string content, IReadOnlyList<Component>? components = null, CancellationToken cancellationToken = default) =>
        FollowupAsync(Ephemeral(content, components), cancellationToken);

    /// <summary>
    /// Shows long text to the invoking user only: the first piece as the reply (or the deferred answer), the rest as
    /// ephemeral followups. <paramref name="components"/> go on the last piece.
    /// </summary>
    public async Task ReplyEphemeralPiecesAsync(IReadOnlyList<string> pieces, IReadOnlyList<Component>? components = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        if (pieces.Count == 0)
        {
            throw new ArgumentException("Nothing to show.", nameof(pieces));
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            var last = i == pieces.Count - 1 ? components : null;
            if (i == 0 && !IsAcknowledged)
            {
                await ReplyEphemeralAsync(pieces[i], last, cancellationToken);
            }
            else if (i == 0 && Response == InteractionCallbackType.DeferredChannelMessageWithSource)
            {
                await EditOriginalAsync(new MessagePayload { Content = pieces[i], Components = last ?? [] }, cancellationToken);
            }
            else
            {
                await FollowupEphemeralAsync(pieces[i], last, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Tells the user why nothing happened, in whatever way is still open: the reply, the deferred answer, or an
    /// ephemeral followup.
    /// </summary>
    public async Task FailAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var content = DiscordMarkdown.Truncate(message, DiscordLimits.MessageContent);
        switch (Response)
        {
            case null:
                await ReplyEphemeralAsync(content, cancellationToken: cancellationToken);
                break;
            case InteractionCallbackType.DeferredChannelMessageWithSource:
                await EditOriginalAsync(new MessagePayload { Content = content }, cancellationToken);
                break;
            case InteractionCallbackType.ApplicationCommandAutocompleteResult:
                break;
            default:
                await FollowupEphemeralAsync(content, cancellationToken: cancellationToken);
                break;
        }
    }

    public static MessagePayload Ephemeral(string content, IReadOnlyList<Component>? components = null) =>
        new() { Content = content, Flags = MessageFlags.Ephemeral, Components = components };

    public override string ToString() => Interaction.ToString();
}
