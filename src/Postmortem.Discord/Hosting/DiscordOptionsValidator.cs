using Microsoft.Extensions.Options;
using Postmortem.Discord.Rest.RateLimiting;

namespace Postmortem.Discord.Hosting;

/// <summary>
/// Checks the "Discord" settings at startup so a missing token stops the host with one line that
/// says how to provide it. Never echoes the token.
/// </summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public const string MissingToken =
        "Discord:Token is missing: set the environment variable Discord__Token, or run "
        + "`dotnet user-secrets set Discord:Token <token>` in src/Postmortem.Bot; "
        + "to try the bot without Discord, run `dotnet run --project src/Postmortem.Bot -- playground`";

    public const string WhitespaceInToken =
        "Discord:Token contains whitespace or a control character (a trailing newline, space, CR or LF?): "
        + "set it to the bare token on one line";

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add(MissingToken);
        }
        else if (options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Discord:Token must be the bare bot token, without the \"Bot \" prefix");
        }
        else if (options.Token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // Usually a trailing newline from `echo` or a secrets file; never sent, as it would only earn a 401.
            failures.Add(WhitespaceInToken);
        }

        if (options.ShardCount is < 1)
        {
            failures.Add("Discord:ShardCount must be at least 1, or left empty to use the count Discord recommends");
        }

        if (options.ShardIds.Count > 0 && options.ShardCount is null)
        {
            failures.Add("Discord:ShardIds needs Discord:ShardCount: every process must agree on the total number of shards");
        }

        if (options.ShardCount is { } count && options.ShardIds.FirstOrDefault(id => id < 0 || id >= count, -1) is var bad and >= 0)
        {
            failures.Add($"Discord:ShardIds lists shard {bad}, but shard ids run from 0 to {count - 1}");
        }

        var limits = options.RateLimits;
        if (limits.GlobalRequestsPerSecond is < 1 or > 50)
        {
            failures.Add("Discord:RateLimits:GlobalRequestsPerSecond must be 1-50: Discord's global limit is 50 requests per second");
        }

        if (limits.ResetMargin < TimeSpan.Zero || limits.BreakerSpacing < TimeSpan.Zero)
        {
            failures.Add("Discord:RateLimits:ResetMargin and BreakerSpacing must not be negative");
        }

        if (limits.BreakerThreshold is < 1 or >= InvalidRequestCounter.DiscordLimit)
        {
            failures.Add($"Discord:RateLimits:BreakerThreshold must be 1-{InvalidRequestCounter.DiscordLimit - 1}: the breaker has to open before Discord's ban at {InvalidRequestCounter.DiscordLimit}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
