using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Postmortem.Bot.Hosting;

namespace Postmortem.Bot.Tests.Hosting;

public sealed class BotCommandLineTests
{
    [Fact]
    public void NoArguments_RunTheDiscordBot()
    {
        var commandLine = BotCommandLine.Parse([]);

        Assert.Equal((BotMode.Discord, 0, null), (commandLine.Mode, commandLine.HostArgs.Count, commandLine.Error));
    }

    [Theory]
    [InlineData("console", BotMode.Console)]
    [InlineData("CONSOLE", BotMode.Console)]
    [InlineData("discord", BotMode.Discord)]
    public void FirstArgument_IsTheMode_AndTheRestGoesToTheHost(string mode, BotMode expected)
    {
        var commandLine = BotCommandLine.Parse([mode, "--Storage:DatabasePath=x.db", "--user", "alice"]);

        Assert.Equal(expected, commandLine.Mode);
        Assert.Equal(["--Storage:DatabasePath=x.db", "--user", "alice"], commandLine.HostArgs);
    }

    [Fact]
    public void ConfigurationOnly_MeansDiscordMode_WithAllArgumentsForTheHost()
    {
        var commandLine = BotCommandLine.Parse(["--Discord:Token=abc"]);

        Assert.Equal(BotMode.Discord, commandLine.Mode);
        Assert.Equal(["--Discord:Token=abc"], commandLine.HostArgs);
    }

    [Fact]
    public void UnknownMode_IsAnErrorWithTheUsage()
    {
        var commandLine = BotCommandLine.Parse(["consol"]);

        Assert.Equal($"Unknown mode \"consol\". {BotCommandLine.Usage}", commandLine.Error);
    }

    [Fact]
    public void UserAndStrictSwitches_ReachTheTerminalSection_WithoutStrictSwallowingTheNextArgument()
    {
        var commandLine = BotCommandLine.Parse(["console", "--strict", "--user", "carol"]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
        });

        builder.Configuration.AddBotSources(builder.Environment, commandLine.HostArgs);

        Assert.Equal("true", builder.Configuration["Terminal:Strict"]);
        Assert.Equal("carol", builder.Configuration["Terminal:User"]);
    }
}
