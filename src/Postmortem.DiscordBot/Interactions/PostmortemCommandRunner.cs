using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Postmortems;
using Postmortem.DiscordBot.Dashboard;

namespace Postmortem.DiscordBot.Interactions;

/// <summary>
/// Runs an engine command for the user of an interaction. Whenever the postmortem changed, its dashboard is
/// refreshed once the interaction has been answered, so no handler has to remember to do it.
/// </summary>
public sealed class PostmortemCommandRunner(PostmortemService service, DashboardService dashboards)
{
    public async Task<CommandOutcome> ExecuteAsync(
        InteractionContext context, PostmortemId id, PostmortemCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await service.ExecuteAsync(id, command, context.Actor, cancellationToken);
        if (outcome.Result.Changed)
        {
            context.AfterResponse($"dashboard:{id}", ct => dashboards.RefreshAsync(id, ct));
        }

        return outcome;
    }
}
