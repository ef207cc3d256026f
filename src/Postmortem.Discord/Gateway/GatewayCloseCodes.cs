namespace Postmortem.Discord.Gateway;

/// <summary>What the shard does after the connection ended.</summary>
internal enum ReconnectMode
{
    /// <summary>Reconnect to resume_gateway_url and send Resume (falls back to Identify without a session).</summary>
    Resume,

    /// <summary>Forget the session, reconnect to the gateway URL and Identify again.</summary>
    Identify,

    /// <summary>Stop: retrying cannot help until the operator changes something.</summary>
    Fatal,
}

/// <summary>
/// Gateway close codes and what they mean for us (Discord docs, opcodes-and-status-codes
/// "Gateway Close Event Codes", column "Reconnect").
/// </summary>
public static class GatewayCloseCodes
{
    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSequence = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>True for the codes after which reconnecting cannot succeed.</summary>
    public static bool IsFatal(int code) => code is AuthenticationFailed or (>= InvalidShard and <= DisallowedIntents);

    internal static ReconnectMode Classify(int? code) => code switch
    {
        _ when code is { } c && IsFatal(c) => ReconnectMode.Fatal,
        // 1000/1001 from the server end the session; 4007/4009 say the session is gone.
        1000 or 1001 or InvalidSequence or SessionTimedOut => ReconnectMode.Identify,
        // Everything else, including a dropped TCP connection (no close frame at all), keeps the session.
        _ => ReconnectMode.Resume,
    };

    /// <summary>The single line that tells the operator what to fix for a fatal close code.</summary>
    public static string DescribeFatal(int code, GatewayIntents intents) => code switch
    {
        AuthenticationFailed =>
            "Discord rejected the bot token: check Discord__Token (environment variable) or the Discord:Token user-secret",
        InvalidShard =>
            "Discord refused the shard settings as invalid: check Discord:ShardIds and Discord:ShardCount",
        ShardingRequired =>
            "Discord requires this bot to shard: set Discord:ShardCount, or leave it empty to use Discord's recommended count",
        InvalidApiVersion =>
            "Discord refused gateway API v10: this client is out of date",
        InvalidIntents =>
            $"Discord refused the gateway intents as invalid ({intents}): check Discord:Intents",
        DisallowedIntents =>
            $"Discord refused a privileged intent: enable {DescribePrivileged(intents)} for this bot in the Developer Portal (Bot -> Privileged Gateway Intents)",
        _ => $"Discord closed the gateway with code {code}",
    };

    private static string DescribePrivileged(GatewayIntents intents)
    {
        var names = new List<string>();
        if (intents.HasFlag(GatewayIntents.MessageContent))
        {
            names.Add("the Message Content intent");
        }

        if (intents.HasFlag(GatewayIntents.GuildMembers))
        {
            names.Add("the Server Members intent");
        }

        if (intents.HasFlag(PresenceIntent))
        {
            names.Add("the Presence intent");
        }

        return names.Count == 0 ? "the privileged intents it requests" : string.Join(" and ", names);
    }

    // GUILD_PRESENCES (1 << 8) is privileged but not in our GatewayIntents enum: the bot never asks for it.
    private const GatewayIntents PresenceIntent = (GatewayIntents)(1 << 8);
}
