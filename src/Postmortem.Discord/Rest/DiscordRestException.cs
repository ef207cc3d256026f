namespace Postmortem.Discord.Rest;

/// <summary>
/// A REST call failed: Discord said no (<see cref="DiscordHttpException"/>) or could not be reached after the retries.
/// Messages name the route template (e.g. "POST /interactions/{interaction_id}/{interaction_token}/callback"),
/// never the concrete path, so no token ends up in logs through an exception.
/// </summary>
public class DiscordRestException : Exception
{
    public DiscordRestException()
    {
    }

    public DiscordRestException(string message)
        : base(message)
    {
    }

    public DiscordRestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
