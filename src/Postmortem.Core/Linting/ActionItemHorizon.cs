using System.Globalization;

namespace Postmortem.Core.Linting;

/// <summary>
/// The template's short-term rule for action items: due within 90 days (configurable) of the postmortem's start,
/// ideally much less. The linter flags later dates; front ends warn as soon as such a date is typed.
/// </summary>
public static class ActionItemHorizon
{
    /// <summary>The last due date that is still short term for <paramref name="postmortem"/>.</summary>
    public static DateOnly LatestDue(Postmortem postmortem, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return LatestDue(postmortem.CreatedAt, (options ?? LintOptions.Default).MaxActionItemHorizon);
    }

    /// <summary>The last short-term due date of a postmortem started at <paramref name="started"/>.</summary>
    public static DateOnly LatestDue(DateTimeOffset started, TimeSpan horizon) => DateOnly.FromDateTime((started + horizon).UtcDateTime);

    /// <summary>True when <paramref name="due"/> is later than <see cref="LatestDue(Postmortem, LintOptions?)"/>.</summary>
    public static bool IsTooLate(Postmortem postmortem, DateOnly? due, LintOptions? options = null) =>
        due is { } date && date > LatestDue(postmortem, options);

    /// <summary>"90": the horizon in whole days, for messages.</summary>
    public static string Days(LintOptions? options = null) =>
        ((int)Math.Round((options ?? LintOptions.Default).MaxActionItemHorizon.TotalDays)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A warning to show when a due date is entered, or null when it is short term (or not set).</summary>
    public static string? Warning(Postmortem postmortem, string label, DateOnly? due, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        if (!IsTooLate(postmortem, due, options))
        {
            return null;
        }

        var latest = LatestDue(postmortem, options).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var date = due!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"Action item {label} is due {date}, more than {Days(options)} days after the postmortem started (by {latest}). "
            + "Action items are short term, ideally much sooner: pick an earlier date or a smaller first step. The linter will flag it.";
    }
}
