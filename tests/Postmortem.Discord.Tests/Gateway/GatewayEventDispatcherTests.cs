using Microsoft.Extensions.Options;
using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Tests.Gateway;

public sealed class GatewayEventDispatcherTests
{
    [Fact]
    public async Task Publish_AHandlerThrows_IsLogged_AndLaterEventsAndHandlersStillRun()
    {
        var seen = new CallbackHandler();
        var logger = new RecordingLogger<GatewayEventDispatcher>();
        await using var dispatcher = Create([new ThrowingHandler(), seen], logger);

        await Publish(dispatcher, MessageIn(4000, 1));
        await Publish(dispatcher, MessageIn(4000, 2));

        Assert.Equal(1UL, (await seen.NextAsync<MessageCreateEvent>()).Message.Id.Value);
        Assert.Equal(2UL, (await seen.NextAsync<MessageCreateEvent>()).Message.Id.Value);
        Assert.Contains(logger.Inner.Lines, line => line.Contains("ThrowingHandler failed on MessageCreateEvent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_EventsOfOneChannel_AreHandledInOrder()
    {
        var handler = new CallbackHandler();
        await using var dispatcher = Create([handler], options: o => o.EventConsumers = 4);

        for (ulong id = 1; id <= 50; id++)
        {
            await Publish(dispatcher, MessageIn(4000, id));
        }

        for (ulong id = 1; id <= 50; id++)
        {
            Assert.Equal(id, (await handler.NextAsync<MessageCreateEvent>()).Message.Id.Value);
        }
    }

    [Fact]
    public async Task Publish_ASlowHandler_NeitherBlocksThePublisherNorDelaysInteractions()
    {
        var release = new TaskCompletionSource();
        var handler = new CallbackHandler(evt => evt is MessageCreateEvent ? new ValueTask(release.Task) : ValueTask.CompletedTask);
        await using var dispatcher = Create([handler], options: o => o.EventConsumers = 1);

        await Publish(dispatcher, MessageIn(4000, 1)).WaitAsync(ScriptedGatewayServer.Timeout);
        await Publish(dispatcher, MessageIn(4000, 2)).WaitAsync(ScriptedGatewayServer.Timeout);
        await Publish(dispatcher, new InteractionCreateEvent(new Interaction { Id = new Snowflake(7000) }));

        Assert.IsType<InteractionCreateEvent>(await handler.NextAsync<InteractionCreateEvent>());
        release.SetResult();
        Assert.Equal(1UL, (await handler.NextAsync<MessageCreateEvent>()).Message.Id.Value);
        Assert.Equal(2UL, (await handler.NextAsync<MessageCreateEvent>()).Message.Id.Value);
    }

    [Fact]
    public async Task StopAsync_LetsQueuedEventsFinish()
    {
        var handler = new CallbackHandler();
        var dispatcher = Create([handler]);
        await Publish(dispatcher, MessageIn(4000, 1));

        await dispatcher.StopAsync(CancellationToken.None).WaitAsync(ScriptedGatewayServer.Timeout);

        Assert.True(handler.TryRead(out var evt));
        Assert.IsType<MessageCreateEvent>(evt);
        await dispatcher.DisposeAsync();
    }

    private static GatewayEventDispatcher Create(
        IGatewayEventHandler[] handlers, RecordingLogger<GatewayEventDispatcher>? logger = null, Action<GatewayOptions>? options = null)
    {
        var settings = new GatewayOptions();
        options?.Invoke(settings);
        return new GatewayEventDispatcher(handlers, Options.Create(settings), logger ?? new RecordingLogger<GatewayEventDispatcher>());
    }

    private static Task Publish(GatewayEventDispatcher dispatcher, GatewayEvent evt) =>
        ((IGatewayEventSink)dispatcher).PublishAsync(evt, CancellationToken.None).AsTask();

    private static MessageCreateEvent MessageIn(ulong channelId, ulong messageId) =>
        new(new Message { Id = new Snowflake(messageId), ChannelId = new Snowflake(channelId) });

    private sealed class ThrowingHandler : IGatewayEventHandler
    {
        public ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler bug");
    }

    /// <summary>Records every event after running an optional callback (which may block).</summary>
    private sealed class CallbackHandler(Func<GatewayEvent, ValueTask>? callback = null) : IGatewayEventHandler
    {
        private readonly RecordingSink _seen = new();

        public async ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken)
        {
            if (callback is not null)
            {
                await callback(evt);
            }

            await _seen.PublishAsync(evt, cancellationToken);
        }

        public Task<T> NextAsync<T>()
            where T : GatewayEvent => _seen.NextAsync<T>();

        public bool TryRead(out GatewayEvent? evt) => _seen.TryRead(out evt);
    }
}
