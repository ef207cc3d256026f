using Postmortem.Discord.Gateway;

namespace Postmortem.Discord.Tests.Integration.Support;

/// <summary>A handler made of a delegate, for the bot behaviour a test needs (e.g. answering interactions).</summary>
internal sealed class DelegateHandler(Func<GatewayEvent, CancellationToken, Task> handle) : IGatewayEventHandler
{
    public async ValueTask HandleAsync(GatewayEvent evt, CancellationToken cancellationToken) => await handle(evt, cancellationToken);
}
