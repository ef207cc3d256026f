namespace Postmortem.Discord.Emulator;

/// <summary>topics/opcodes-and-status-codes.mdx "Gateway Close Event Codes".</summary>
public static class GatewayCloseCodes
{
    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSeq = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>Codes after which the session cannot be resumed.</summary>
    internal static bool EndsSession(int code) =>
        code is 1000 or 1001 or InvalidSeq or SessionTimedOut or AuthenticationFailed or InvalidShard
            or ShardingRequired or InvalidApiVersion or InvalidIntents or DisallowedIntents;
}
