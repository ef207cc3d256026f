using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// One interaction a test user started. Await <see cref="ResponseAsync"/> for the bot's initial response,
/// then read the messages it produced.
/// </summary>
public sealed class InteractionHandle
{
    private readonly EmulatorState _state;
    private readonly List<EmulatedMessage> _followups = [];
    private JsonObject _payload = [];
    private readonly TaskCompletionSource<InteractionResponse> _response =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal InteractionHandle(EmulatorState state, ulong id, string token, int type, EmulatedUser user,
        EmulatedChannel channel, DateTimeOffset createdAt)
    {
        _state = state;
        Id = id;
        Token = token;
        Type = type;
        User = user;
        Channel = channel;
        CreatedAt = createdAt;
    }

    public ulong Id { get; }

    public string Token { get; }

    /// <summary>2 application command, 3 message component, 4 autocomplete, 5 modal submit.</summary>
    public int Type { get; }

    public EmulatedUser User { get; }

    public EmulatedChannel Channel { get; }

    /// <summary>When INTERACTION_CREATE was dispatched; the 3-second deadline counts from here.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The INTERACTION_CREATE <c>d</c> sent to the bot.</summary>
    public JsonObject Payload
    {
        get => _payload;
        internal set => _payload = value.Frozen();
    }

    /// <summary>For component interactions (and modals opened from one): the message clicked.</summary>
    public EmulatedMessage? SourceMessage { get; internal init; }

    /// <summary>The interaction a modal submit answers (the one whose response was the modal).</summary>
    public InteractionHandle? ModalSource { get; internal init; }

    /// <summary>The accepted initial response, or null while there is none.</summary>
    public InteractionResponse? Response => _response.Task.IsCompletedSuccessfully ? _response.Task.Result : null;

    /// <summary>The modal the bot opened (type 9 response data), or null.</summary>
    public JsonObject? Modal => Response is { IsModal: true } r ? r.Data : null;

    /// <summary>
    /// The "@original" message: the response message for types 4/5, the clicked message for types 6/7.
    /// </summary>
    public EmulatedMessage? Original
    {
        get
        {
            lock (_state.Gate)
            {
                return OriginalMessageId is { } id ? _state.FindMessage(id) : null;
            }
        }
    }

    public IReadOnlyList<EmulatedMessage> Followups
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _followups.Where(m => !m.IsDeleted)];
            }
        }
    }

    /// <summary>The messages this interaction produced: the response message (if any) then the followups.</summary>
    public IReadOnlyList<EmulatedMessage> Messages
    {
        get
        {
            lock (_state.Gate)
            {
                var original = OriginalCreatedByResponse ? Original : null;
                return [.. new[] { original }.OfType<EmulatedMessage>().Concat(Followups)];
            }
        }
    }

    internal ulong? OriginalMessageId { get; set; }

    /// <summary>True when @original is a message the response created (4/5), not the clicked one (6/7).</summary>
    internal bool OriginalCreatedByResponse { get; set; }

    internal bool IsAcknowledged => _response.Task.IsCompleted;

    /// <summary>The accepted callback's answer never reached the bot (an injected fault), so it may rightly retry.</summary>
    internal bool AnswerLost { get; private set; }

    internal void MarkAnswerLost() => AnswerLost = true;

    internal DateTimeOffset Deadline => CreatedAt + _state.Options.InteractionDeadline;

    internal DateTimeOffset TokenExpiry => CreatedAt + _state.Options.InteractionTokenLifetime;

    /// <summary>Waits for the bot's accepted initial response.</summary>
    public async Task<InteractionResponse> ResponseAsync(TimeSpan? timeout = null)
    {
        var wait = timeout ?? _state.Options.WaitTimeout;
        try
        {
            return await _response.Task.WaitAsync(wait);
        }
        catch (TimeoutException)
        {
            var reasons = _state.ViolationsSnapshot().Where(v => v.Reason.Contains(Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            throw new TimeoutException(
                $"The bot gave no accepted response to interaction {Id} within {wait.TotalSeconds:0.#} s."
                + string.Concat(reasons.Select(v => $"\n  violation: {v}")));
        }
    }

    /// <summary>Waits until @original exists and is no longer "thinking" (a deferred response was edited).</summary>
    public Task<EmulatedMessage> WaitForOriginalAsync(TimeSpan? timeout = null) =>
        _state.Changes.WaitForAsync(
            () => Original is { IsLoading: false } m ? m : null,
            timeout ?? _state.Options.WaitTimeout,
            () => $"the original response of interaction {Id}");

    /// <summary>Waits until the bot has sent at least <paramref name="count"/> followups; returns that one.</summary>
    public Task<EmulatedMessage> WaitForFollowupAsync(int count = 1, TimeSpan? timeout = null) =>
        _state.Changes.WaitForAsync(
            () => Followups.Count >= count ? Followups[count - 1] : null,
            timeout ?? _state.Options.WaitTimeout,
            () => $"followup #{count} of interaction {Id}");

    /// <summary>Drops the recorded INTERACTION_CREATE payload (the gateway's session log keeps what a resume replays).</summary>
    internal void ReleasePayload() => _payload = [];

    internal void Accept(InteractionResponse response) => _response.TrySetResult(response);

    internal void AddFollowupUnsafe(EmulatedMessage message) => _followups.Add(message);

    internal bool OwnsMessageUnsafe(ulong messageId) =>
        OriginalMessageId == messageId || _followups.Exists(m => m.Id == messageId);

    public override string ToString() => $"interaction {Id} (type {Type}) by {User.Name}";
}
