using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Tests.Support;

namespace Postmortem.DiscordBot.Tests.Commands;

public sealed class CommandRegistrarTests
{
    private const string PutGlobal = "PUT /applications/{application_id}/commands";
    private const string GetGlobal = "GET /applications/{application_id}/commands";

    [Fact]
    public async Task Restart_WithTheSameCommands_ReadsThemButWritesNothing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        Assert.Single(bot.Emulator.RequestsTo(PutGlobal));

        await bot.RestartAsync();
        await bot.Emulator.WaitForAsync(() => bot.Emulator.RequestsTo(GetGlobal).Count == 2, description: "the registered commands read again");
        await bot.Services.GetServices<IGatewayEventHandler>().OfType<CommandRegistrar>().Single().Registration;

        Assert.Single(bot.Emulator.RequestsTo(PutGlobal));
        Assert.Contains(bot.Emulator.RegisteredCommands, c => c.Name == "postmortem");
        bot.AssertNoViolations();
    }

    [Fact]
    public async Task Ready_ReturnsAtOnce_WhileRegistrationWaitsOnDiscord()
    {
        var discord = new TaskCompletionSource<IReadOnlyList<ApplicationCommand>>();
        var rest = new Mock<IDiscordRestClient>();
        rest.Setup(r => r.GetGlobalCommandsAsync(It.IsAny<Snowflake>(), It.IsAny<CancellationToken>())).Returns(discord.Task);
        rest.Setup(r => r.OverwriteGlobalCommandsAsync(It.IsAny<Snowflake>(), It.IsAny<IReadOnlyList<ApplicationCommand>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Snowflake _, IReadOnlyList<ApplicationCommand> commands, CancellationToken _) => commands);
        var registrar = new CommandRegistrar(
            rest.Object,
            [new SlashCommandRoot("postmortem", "Run a postmortem")],
            [new Hello()],
            Options.Create(new DiscordFrontEndOptions()),
            NullLogger<CommandRegistrar>.Instance);

        var handled = registrar.HandleAsync(new ReadyEvent(new Ready { Application = new Application { Id = new Snowflake(7) } }), CancellationToken.None);

        Assert.True(handled.IsCompleted, "READY waited for Discord inside the ordered event queue.");
        rest.Verify(r => r.OverwriteGlobalCommandsAsync(It.IsAny<Snowflake>(), It.IsAny<IReadOnlyList<ApplicationCommand>>(), It.IsAny<CancellationToken>()), Times.Never);
        discord.SetResult([]);
        await registrar.Registration.WaitAsync(TimeSpan.FromSeconds(10));
        rest.Verify(r => r.OverwriteGlobalCommandsAsync(new Snowflake(7), registrar.Commands, It.IsAny<CancellationToken>()), Times.Once);
    }

    private sealed class Hello : SlashCommandHandler
    {
        public override string Command => "postmortem";

        public override ApplicationCommandOption Definition { get; } =
            new() { Type = ApplicationCommandOptionType.SubCommand, Name = "hello", Description = "Say hello" };

        public override Task HandleAsync(InteractionContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
