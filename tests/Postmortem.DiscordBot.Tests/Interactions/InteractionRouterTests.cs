using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Postmortem.Core.Application;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot.Interactions;

namespace Postmortem.DiscordBot.Tests.Interactions;

public sealed class InteractionRouterTests
{
    private readonly Mock<IDiscordRestClient> _rest = new();
    private readonly List<InteractionResponse> _responses = [];

    public InteractionRouterTests()
    {
        _rest.Setup(r => r.RespondToInteractionAsync(It.IsAny<Snowflake>(), It.IsAny<string>(), It.IsAny<InteractionResponse>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback<Snowflake, string, InteractionResponse, DateTimeOffset, CancellationToken>((_, _, response, _, _) => _responses.Add(response))
            .ReturnsAsync(InteractionCallbackOutcome.Acknowledged);
    }

    [Fact]
    public async Task Component_GoesToTheHandlerOfItsPrefix_AndQueuedWorkRunsAfterTheAnswer()
    {
        var order = new List<string>();
        var handler = new Buttons("first", async (context, id) =>
        {
            context.AfterResponse(_ =>
            {
                order.Add("after");
                return Task.CompletedTask;
            });
            await context.DeferUpdateAsync();
            order.Add($"handled {id}");
        });
        var router = Router(components: [handler, new Buttons("second", (_, _) => throw new InvalidOperationException("wrong handler"))]);

        await router.DispatchAsync(Component("first:7:x"), CancellationToken.None);

        Assert.Equal(["handled first:7:x", "after"], order);
        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, Assert.Single(_responses).Type);
    }

    [Fact]
    public async Task UnknownOrMalformedCustomId_GetsAPrivateExplanation()
    {
        var router = Router();

        await router.DispatchAsync(Component("nobody-handles:1"), CancellationToken.None);
        await router.DispatchAsync(Component("NOT A CUSTOM ID"), CancellationToken.None);

        Assert.Equal(2, _responses.Count);
        Assert.All(_responses, r => Assert.Equal(MessageFlags.Ephemeral, ((MessagePayload)r.Data!).Flags));
        Assert.All(_responses, r => Assert.Equal(InteractionRouter.UnknownComponentMessage, ((MessagePayload)r.Data!).Content));
    }

    [Fact]
    public async Task AHandlerThatThrows_StillAnswersWithOneClearLine()
    {
        var router = Router(components:
        [
            new Buttons("boom", (_, _) => throw new InvalidOperationException("bug")),
            new Buttons("busy", (_, _) => throw new ConcurrencyException()),
        ]);

        await router.DispatchAsync(Component("boom:1"), CancellationToken.None);
        await router.DispatchAsync(Component("busy:1"), CancellationToken.None);

        Assert.Equal(InteractionRouter.FailureMessage, ((MessagePayload)_responses[0].Data!).Content);
        Assert.Equal(InteractionRouter.BusyMessage, ((MessagePayload)_responses[1].Data!).Content);
    }

    [Fact]
    public async Task AHandlerThatForgetsToAnswer_IsAnsweredForIt()
    {
        var router = Router(components: [new Buttons("silent", (_, _) => Task.CompletedTask)]);

        await router.DispatchAsync(Component("silent:1"), CancellationToken.None);

        Assert.Equal(InteractionRouter.FailureMessage, ((MessagePayload)Assert.Single(_responses).Data!).Content);
    }

    [Fact]
    public async Task ACustomIdWithLineBreaks_IsLoggedEscaped_SoItCannotForgeALogLine()
    {
        var logger = new LineLogger();
        var router = new InteractionRouter(_rest.Object, [], [], [], logger);

        await router.DispatchAsync(Component("nobody:1\r\n12:00:00 crit: Postmortem.Bot[0] forged"), CancellationToken.None);

        var line = Assert.Single(logger.Lines);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\n', line);
        Assert.Contains(@"nobody:1\r\n12:00:00 crit", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoHandlersForOnePrefix_AreRefusedAtStartup()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Router(components: [new Buttons("same", (_, _) => Task.CompletedTask), new Buttons("same", (_, _) => Task.CompletedTask)]));

        Assert.Contains("same", error.Message, StringComparison.Ordinal);
    }

    private InteractionRouter Router(IEnumerable<IComponentHandler>? components = null) =>
        new(_rest.Object, [], components ?? [], [], NullLogger<InteractionRouter>.Instance);

    private static Interaction Component(string customId) => new()
    {
        Id = new Snowflake(1),
        ApplicationId = new Snowflake(2),
        Type = InteractionType.MessageComponent,
        Token = "token",
        GuildId = new Snowflake(3),
        ChannelId = new Snowflake(4),
        Member = new GuildMember { User = new User { Id = new Snowflake(5), Username = "alice" } },
        Data = new InteractionData { CustomId = customId, ComponentType = ComponentType.Button },
    };

    private sealed class Buttons(string prefix, Func<InteractionContext, CustomId, Task> handle) : IComponentHandler
    {
        public IReadOnlyCollection<string> Prefixes { get; } = [prefix];

        public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) => handle(context, customId);
    }

    private sealed class LineLogger : Microsoft.Extensions.Logging.ILogger<InteractionRouter>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Information;

        public void Log<TState>(
            Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
