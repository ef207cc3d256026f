namespace Postmortem.Discord.Gateway;

/// <summary>
/// Receives gateway events; register implementations in DI. Handlers run off the socket's read loop:
/// events of one channel arrive in order, interactions concurrently. An exception is logged and the
/// connection carries on.
/// </summary>
public interface IGatewayEventHandler
{
    ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken);
}

/// <summary>Where a shard hands its events over; implemented by <see cref="GatewayEventDispatcher"/>.</summary>
internal interface IGatewayEventSink
{
    /// <summary>Returns once the event is queued; waits only when the handlers are far behind.</summary>
    ValueTask PublishAsync(GatewayEvent evt, CancellationToken cancellationToken);
}
