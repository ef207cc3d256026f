namespace Postmortem.Discord.Rest;

/// <summary>Discord's JSON error codes worth branching on (topics/opcodes-and-status-codes "JSON Error Codes").</summary>
public static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownGuild = 10004;
    public const int UnknownMember = 10007;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownUser = 10013;
    public const int UnknownScheduledEvent = 10070;
    public const int UnknownInteraction = 10062;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int CannotSendEmptyMessage = 50006;
    public const int CannotDmUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidFormBody = 50035;
    public const int ThreadArchived = 50083;
    public const int ThreadAlreadyCreatedForMessage = 160004;
}
