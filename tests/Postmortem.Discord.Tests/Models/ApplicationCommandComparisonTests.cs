using Postmortem.Discord.Models;

namespace Postmortem.Discord.Tests.Models;

public sealed class ApplicationCommandComparisonTests
{
    private static readonly ApplicationCommand _wanted = new()
    {
        Name = "postmortem",
        Description = "Run a postmortem",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "start",
                Description = "Start one",
                Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "title", Description = "Title", Required = true, MaxLength = 100 }],
            },
        ],
    };

    // What Discord answers: ids, versions and defaults filled in.
    private static ApplicationCommand Registered(ApplicationCommand command) => command with
    {
        Id = new Snowflake(1),
        ApplicationId = new Snowflake(2),
        Version = new Snowflake(3),
        Nsfw = false,
        DmPermission = true,
        IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
    };

    [Fact]
    public void DiscordsEchoWithDefaults_Matches() =>
        Assert.True(ApplicationCommandComparison.Matches([_wanted], [Registered(_wanted)]));

    [Fact]
    public void AChangedDescription_AMissingCommand_OrAnotherOption_DoNotMatch()
    {
        Assert.False(ApplicationCommandComparison.Matches([_wanted], [Registered(_wanted with { Description = "Old text" })]));
        Assert.False(ApplicationCommandComparison.Matches([_wanted], []));
        Assert.False(ApplicationCommandComparison.Matches([_wanted], [Registered(_wanted with { Options = [] })]));
        Assert.False(ApplicationCommandComparison.Matches([_wanted], [Registered(_wanted with { Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm] })]));
    }
}
