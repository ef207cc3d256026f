using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// Works out who a message would notify, honouring <c>allowed_mentions</c>
/// (resources/message.mdx "Allowed Mentions Object").
/// </summary>
internal static partial class MentionRules
{
    public static Pings Compute(string content, JsonObject? allowed, EmulatedMessage? replyTo, EmulatedUser author)
    {
        var users = UserMention().Matches(content).Select(m => ulong.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var roles = RoleMention().Matches(content).Select(m => ulong.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var everyone = content.Contains("@everyone", StringComparison.Ordinal) || content.Contains("@here", StringComparison.Ordinal);

        var pingedUsers = new List<ulong>();
        var pingedRoles = new List<ulong>();
        if (allowed is null)
        {
            // No allowed_mentions: everything in the content pings, and a reply pings its author.
            pingedUsers.AddRange(users);
            pingedRoles.AddRange(roles);
            if (replyTo is not null && replyTo.Author != author)
            {
                pingedUsers.Add(replyTo.Author.Id);
            }

            return Build(pingedUsers, pingedRoles, everyone);
        }

        var parse = (allowed["parse"] as JsonArray ?? []).Select(p => p.Str()).ToHashSet();
        var allowedUsers = Ids(allowed["users"]);
        var allowedRoles = Ids(allowed["roles"]);
        pingedUsers.AddRange(users.Where(u => parse.Contains("users") || allowedUsers.Contains(u)));
        pingedRoles.AddRange(roles.Where(r => parse.Contains("roles") || allowedRoles.Contains(r)));
        if (replyTo is not null && replyTo.Author != author && allowed["replied_user"].Bool() == true)
        {
            pingedUsers.Add(replyTo.Author.Id);
        }

        return Build(pingedUsers, pingedRoles, everyone && parse.Contains("everyone"));
    }

    private static HashSet<ulong> Ids(JsonNode? list) =>
        [.. (list as JsonArray ?? []).Select(n => n.Snowflake()).OfType<ulong>()];

    private static Pings Build(List<ulong> users, List<ulong> roles, bool everyone) =>
        new([.. users.Distinct()], [.. roles.Distinct()], everyone);

    [GeneratedRegex(@"<@!?(\d+)>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<@&(\d+)>")]
    private static partial Regex RoleMention();
}
