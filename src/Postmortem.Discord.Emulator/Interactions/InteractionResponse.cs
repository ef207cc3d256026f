using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>The initial response the bot gave to an interaction (POST .../callback), as accepted.</summary>
public sealed record InteractionResponse(int Type, JsonObject? Data, DateTimeOffset At)
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;
    public const int Modal = 9;

    public bool IsModal => Type == Modal;

    public bool IsDeferred => Type is DeferredChannelMessageWithSource or DeferredUpdateMessage;

    public bool IsEphemeral => ((Data?["flags"].Int() ?? 0) & EmulatedMessage.EphemeralFlag) != 0;

    public string? Content => Data?["content"].Str();

    /// <summary>Autocomplete choices (type 8).</summary>
    public IReadOnlyList<JsonObject> Choices => [.. Data?["choices"].Objects() ?? []];
}
