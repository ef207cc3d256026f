using Postmortem.Discord.Gateway;

namespace Postmortem.Discord.Tests.Gateway;

public sealed class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(1006)]
    [InlineData(4999)]
    [InlineData(null)]
    public void Classify_ReconnectableCodes_Resume(int? code) =>
        Assert.Equal(ReconnectMode.Resume, GatewayCloseCodes.Classify(code));

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(4007)]
    [InlineData(4009)]
    public void Classify_CodesThatEndTheSession_IdentifyAgain(int code) =>
        Assert.Equal(ReconnectMode.Identify, GatewayCloseCodes.Classify(code));

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public void Classify_CodesOnlyTheOperatorCanFix_AreFatal(int code)
    {
        Assert.Equal(ReconnectMode.Fatal, GatewayCloseCodes.Classify(code));
        Assert.True(GatewayCloseCodes.IsFatal(code));
        Assert.DoesNotContain("\n", GatewayCloseCodes.DescribeFatal(code, GatewayIntents.Guilds), StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeFatal_DisallowedIntents_NamesEveryPrivilegedIntentRequested()
    {
        var message = GatewayCloseCodes.DescribeFatal(4014, GatewayIntents.GuildMembers | GatewayIntents.MessageContent);

        Assert.Contains("the Message Content intent and the Server Members intent", message, StringComparison.Ordinal);
        Assert.Contains("Developer Portal (Bot -> Privileged Gateway Intents)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeFatal_AuthenticationFailed_SaysWhereTheTokenComesFrom() =>
        Assert.StartsWith(
            "Discord rejected the bot token: check Discord__Token",
            GatewayCloseCodes.DescribeFatal(4004, GatewayIntents.Guilds),
            StringComparison.Ordinal);
}
