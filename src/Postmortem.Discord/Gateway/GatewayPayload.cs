using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Postmortem.Discord.Gateway;

/// <summary>Writes the <c>{"op", "d"}</c> envelope of what we send and enforces Discord's size limit.</summary>
internal static class GatewayPayload
{
    /// <summary>Discord closes the connection (4002) on a payload above this many bytes.</summary>
    public const int MaxBytes = 4096;

    public static ReadOnlyMemory<byte> Create<T>(GatewayOpcode opcode, T data, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", (int)opcode);
            writer.WritePropertyName("d");
            JsonSerializer.Serialize(writer, data, typeInfo);
            writer.WriteEndObject();
        }

        // Refused here, before sending: Discord would answer an oversized payload by closing the socket.
        return buffer.WrittenCount <= MaxBytes
            ? buffer.WrittenMemory
            : throw new ArgumentException(
                $"A gateway {opcode} payload of {buffer.WrittenCount} bytes exceeds Discord's limit of {MaxBytes} bytes; it was not sent.",
                nameof(data));
    }

    public static ReadOnlyMemory<byte> Heartbeat(long? sequence)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", (int)GatewayOpcode.Heartbeat);
            if (sequence is { } s)
            {
                writer.WriteNumber("d", s);
            }
            else
            {
                writer.WriteNull("d");
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
