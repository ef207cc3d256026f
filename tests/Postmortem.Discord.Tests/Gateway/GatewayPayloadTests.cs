using System.Text;
using System.Text.Json.Serialization;
using Postmortem.Discord.Gateway;

namespace Postmortem.Discord.Tests.Gateway;

public sealed class GatewayPayloadTests
{
    [Fact]
    public void Create_WritesTheOpAndDataEnvelopeInSnakeCase()
    {
        var payload = GatewayPayload.Create(
            GatewayOpcode.Resume, new ResumeCommand("t0k3n", "abc", 42), GatewayJsonContext.Default.ResumeCommand);

        Assert.Equal("""{"op":6,"d":{"token":"t0k3n","session_id":"abc","seq":42}}""", Encoding.UTF8.GetString(payload.Span));
    }

    [Fact]
    public void Create_AboveFourKilobytes_IsRefusedBeforeSending()
    {
        var tooBig = new IdentifyCommand(new string('t', 4096), 0, new IdentifyProperties("linux", "x", "x"), [0, 1]);

        var error = Assert.Throws<ArgumentException>(() =>
            GatewayPayload.Create(GatewayOpcode.Identify, tooBig, GatewayJsonContext.Default.IdentifyCommand));
        Assert.Contains("4096", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tttt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ExactlyFourKilobytes_IsAllowed()
    {
        var overhead = GatewayPayload.Create(GatewayOpcode.Heartbeat, "", JsonContextForStrings.Default.String).Length;
        var data = new string('a', GatewayPayload.MaxBytes - overhead);

        var payload = GatewayPayload.Create(GatewayOpcode.Heartbeat, data, JsonContextForStrings.Default.String);

        Assert.Equal(GatewayPayload.MaxBytes, payload.Length);
    }

    [Theory]
    [InlineData(null, """{"op":1,"d":null}""")]
    [InlineData(251L, """{"op":1,"d":251}""")]
    public void Heartbeat_CarriesTheLastSequenceOrNull(long? sequence, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(GatewayPayload.Heartbeat(sequence).Span));

    [Fact]
    public void Commands_ToString_NeverShowTheToken()
    {
        var identify = new IdentifyCommand("t0k3n", 513, new IdentifyProperties("linux", "x", "x"), [0, 1]);
        var resume = new ResumeCommand("t0k3n", "abc", 42);

        Assert.DoesNotContain("t0k3n", identify.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("t0k3n", resume.ToString(), StringComparison.Ordinal);
    }
}

[JsonSerializable(typeof(string))]
internal sealed partial class JsonContextForStrings : JsonSerializerContext;
