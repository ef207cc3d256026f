namespace Postmortem.DiscordBot.Dashboard;

/// <summary>
/// Places a feature keeps for a postmortem that its dashboard links to (e.g. the Five Whys thread). Register
/// implementations in DI; each contributes at most one line to the dashboard's "Links" field.
/// </summary>
public interface IDashboardLinks
{
    /// <summary>A short markdown line such as "🌳 Five Whys: &lt;#123&gt;", or null when there is nothing to link yet.</summary>
    Task<string?> LinkAsync(Core.Postmortem postmortem, CancellationToken cancellationToken);
}
