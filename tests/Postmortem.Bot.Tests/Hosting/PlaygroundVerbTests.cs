using Postmortem.Bot.Hosting;
using Postmortem.Bot.PlaygroundMode;
using Postmortem.Playground;

namespace Postmortem.Bot.Tests.Hosting;

public sealed class PlaygroundVerbTests
{
    [Fact]
    public void Playground_IsAMode_WithPortAndFresh()
    {
        var commandLine = BotCommandLine.Parse(["playground", "--port", "6000", "--fresh"]);

        Assert.Equal(BotMode.Playground, commandLine.Mode);
        var options = PlaygroundVerb.Options(commandLine.HostArgs);
        Assert.NotNull(options);
        Assert.Equal(6000, options.Port);
        Assert.True(options.Fresh);
        Assert.Equal(PlaygroundOptions.DefaultDataDirectory, options.DataDirectory);
    }

    [Fact]
    public void WithoutSwitches_ThePlaygroundKeepsItsData_OnTheDefaultPort_InItsOwnFolder()
    {
        var options = PlaygroundVerb.Options(BotCommandLine.Parse(["playground"]).HostArgs);

        Assert.NotNull(options);
        Assert.Equal(new PlaygroundOptions().Port, options.Port);
        Assert.False(options.Fresh);
        Assert.EndsWith(Path.Combine("postmortem-bot", "playground", "postmortems.litedb"), options.DatabasePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("70000")]
    [InlineData("-1")]
    public void APortThatIsNotOne_IsRefused(string port) =>
        Assert.Null(PlaygroundVerb.Options(BotCommandLine.Parse(["playground", "--port", port]).HostArgs));

    [Fact]
    public async Task ABadPort_EndsWithExitCodeTwo_AndOneLine()
    {
        var errors = new StringWriter();

        var exitCode = await PlaygroundVerb.RunAsync(["--port", "http"], TextWriter.Null, errors);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("--port takes a number", Assert.Single(errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
