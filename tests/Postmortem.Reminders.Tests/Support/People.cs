using Postmortem.Core.Postmortems;

namespace Postmortem.Reminders.Tests.Support;

internal static class People
{
    public const string GuildId = "900000000000000001";
    public const string OtherGuildId = "900000000000000002";
    public const string ChannelId = "910000000000000001";
    public const string ThreadId = "920000000000000001";

    public static readonly UserRef Felix = new("100000000000000001", "Felix");
    public static readonly UserRef Wesley = new("100000000000000002", "Wesley");
    public static readonly UserRef Ana = new("100000000000000003", "Ana");
}
