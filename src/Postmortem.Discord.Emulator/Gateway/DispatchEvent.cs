using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// A dispatch (op 0) to deliver to every session that qualifies: the right shard for <see cref="GuildId"/>,
/// and at least one of <see cref="Intents"/> (None = always delivered). When <see cref="ContentNeedsIntent"/>
/// is set, sessions without MESSAGE_CONTENT get the message with content, embeds, attachments and
/// components emptied, as on Discord.
/// </summary>
internal sealed record DispatchEvent(
    string Name,
    JsonObject Data,
    ulong? GuildId,
    EmulatorIntents Intents,
    bool ContentNeedsIntent = false);

internal interface IEventSink
{
    void Dispatch(DispatchEvent dispatch);
}
