using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>resources/channel.mdx "Start Thread" and topics/threads.mdx.</summary>
internal static class ThreadRules
{
    private static readonly long[] _archiveDurations = [60, 1440, 4320, 10080];

    public static void Check(JsonObject body, FormErrors errors, bool nameRequired)
    {
        errors.LengthBetween("name", body["name"].Str(), 1, 100, required: nameRequired);
        if (body["auto_archive_duration"] is { } duration
            && (duration.Int() is not { } minutes || !_archiveDurations.Contains(minutes)))
        {
            errors.Add("auto_archive_duration", "BASE_TYPE_CHOICES", "Value must be one of (60, 1440, 4320, 10080).");
        }

        errors.Range("rate_limit_per_user", body["rate_limit_per_user"].Int(), 0, 21600);
    }
}
