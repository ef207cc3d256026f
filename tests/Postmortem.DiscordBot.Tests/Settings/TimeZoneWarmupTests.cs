using Postmortem.DiscordBot.Settings;

namespace Postmortem.DiscordBot.Tests.Settings;

public sealed class TimeZoneWarmupTests
{
    [Fact]
    public async Task Starting_LoadsTheZoneList_WithoutHoldingUpTheHost()
    {
        var warmup = new TimeZoneWarmup();

        var start = warmup.StartAsync(CancellationToken.None);

        Assert.True(start.IsCompletedSuccessfully);
        await warmup.Loading;
        Assert.True(TimeZones.IsLoaded);
        Assert.Contains(TimeZones.Suggest("Kathmandu"), choice => choice.Name == "Asia/Kathmandu");
    }
}
