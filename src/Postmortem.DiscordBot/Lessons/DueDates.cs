using System.Globalization;
using Postmortem.Core.Linting;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>
/// Due dates of action items: calendar dates (2026-06-30) in the guild's zone. A date before today there is
/// refused; one beyond the short-term horizon (90 days after the postmortem started, the linter's rule) is kept
/// with a warning.
/// </summary>
public static class DueDates
{
    public const string Example = "2026-06-30";

    /// <summary>Parses and checks a due date; <paramref name="warning"/> is set when it is allowed but too far out.</summary>
    public static bool TryParse(
        string? text,
        TimeZoneInfo zone,
        DateTimeOffset now,
        DateTimeOffset postmortemStarted,
        TimeSpan horizon,
        out DateOnly due,
        out string? error,
        out string? warning)
    {
        ArgumentNullException.ThrowIfNull(zone);
        warning = null;
        var trimmed = (text ?? "").Trim();
        if (!DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out due))
        {
            error = $"\"{DiscordMarkdown.Escape(trimmed, singleLine: true)}\" is not a date; use a date like {Example}. Nothing was changed.";
            return false;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (due < today)
        {
            error = $"The due date {Format(due)} is in the past (today is {Format(today)} in {zone.Id}). Nothing was changed.";
            return false;
        }

        error = null;
        var latest = ActionItemHorizon.LatestDue(postmortemStarted, horizon);
        if (due > latest)
        {
            var days = ((int)Math.Round(horizon.TotalDays)).ToString(CultureInfo.InvariantCulture);
            warning = $"⚠️ {Format(due)} is more than {days} days after the postmortem started (by {Format(latest)}). "
                + "Action items are short term, ideally much sooner; consider a smaller first step. The linter will flag it.";
        }

        return true;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
