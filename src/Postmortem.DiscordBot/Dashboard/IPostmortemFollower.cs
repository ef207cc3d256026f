namespace Postmortem.DiscordBot.Dashboard;

/// <summary>
/// Something outside the thread that shows a postmortem and follows its changes (e.g. the review meetings'
/// calendar event). Called with every dashboard refresh, after the change is stored, in order per postmortem.
/// </summary>
public interface IPostmortemFollower
{
    Task FollowAsync(Core.Postmortem postmortem, CancellationToken cancellationToken);
}
