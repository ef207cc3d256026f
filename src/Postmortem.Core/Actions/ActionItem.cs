using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Actions;

/// <summary>
/// A short-term action item ("5a-i"). <see cref="Due"/> is a calendar date; the guild's time zone turns it
/// into an instant when reminders are scheduled (see <see cref="DueAt"/>).
/// </summary>
public sealed record ActionItem
{
    public required int Id { get; init; }

    public required int CorrectiveActionId { get; init; }

    public required int Ordinal { get; init; }

    /// <summary>The display label fixed at creation, e.g. "5a-i".</summary>
    public required string Label { get; init; }

    public required string Text { get; init; }

    public UserRef? Owner { get; init; }

    public DateOnly? Due { get; init; }

    public ActionItemStatus Status { get; init; }

    /// <summary>Why the item was dropped (required when <see cref="Status"/> is Dropped).</summary>
    public string? DropReason { get; init; }

    /// <summary>An optional link or note proving the item is done.</summary>
    public string? Evidence { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public int Revision { get; init; } = 1;

    public required UserRef Author { get; init; }

    public required DateTimeOffset At { get; init; }

    public bool Retracted { get; init; }

    /// <summary>The UTC instant of <paramref name="timeOfDay"/> on the due date in <paramref name="zone"/>.</summary>
    public DateTimeOffset? DueAt(TimeZoneInfo zone, TimeOnly timeOfDay)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Due is not { } due)
        {
            return null;
        }

        var local = due.ToDateTime(timeOfDay, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The clock skipped this time (daylight saving starts); the same wall time an hour later exists.
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
