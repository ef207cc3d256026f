using Postmortem.Core.Postmortems;

namespace Postmortem.DiscordBot.Messages;

/// <summary>How a postmortem's status reads in messages and forum tags.</summary>
public static class StatusText
{
    public static string Of(PostmortemStatus status) => status switch
    {
        PostmortemStatus.Draft => "Draft",
        PostmortemStatus.InReview => "In review",
        PostmortemStatus.Final => "Final",
        _ => status.ToString(),
    };
}
