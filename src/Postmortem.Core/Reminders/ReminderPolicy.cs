namespace Postmortem.Core.Reminders;

/// <summary>
/// When an action item's owner is reminded. The regular slots are <see cref="ReminderSettings.LocalTime"/> in the
/// guild's zone on each day in <see cref="ReminderSettings.DaysBefore"/> before the due date, then every
/// <see cref="ReminderSettings.OverdueEveryDays"/> days after it. A snooze replaces every regular slot before
/// it with one slot at the snooze time. Only slots after <see cref="ReminderTrack.Floor"/> count, and when
/// several were missed (the bot was down) only the latest is due: catching up sends one reminder, not a burst.
/// </summary>
public static class ReminderPolicy
{
    public const int MaxSnoozeDays = 30;

    /// <summary>The next slot still to be delivered (possibly already in the past), or null when none remains.</summary>
    public static ReminderSlot? Next(ReminderTrack track, ReminderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(settings);
        var floor = track.Floor;
        if (track.SnoozedUntil is { } snoozed)
        {
            if (snoozed > floor)
            {
                return SnoozeSlot(track.Due, snoozed, settings);
            }

            floor = Max(floor, snoozed);
        }

        return FirstRegularAfter(track.Due, settings, floor);
    }

    /// <summary>
    /// The slot to deliver at <paramref name="now"/>: the latest slot after the floor that is not in the future,
    /// or null when nothing is due.
    /// </summary>
    public static ReminderSlot? Due(ReminderTrack track, ReminderSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(settings);
        return LatestOwed(track, settings, now) is { } slot ? DeliveredAt(slot, track.Due, settings, now) : null;
    }

    // A slot delivered late (the bot was down, or the clock jumped) still counts as that slot, but its text must
    // describe the day it arrives: "due in 7 days" three days before the due date would be wrong.
    private static ReminderSlot DeliveredAt(ReminderSlot slot, DateOnly due, ReminderSettings settings, DateTimeOffset now)
    {
        var daysFromDue = ZonedTime.LocalDate(now, settings.TimeZone).DayNumber - due.DayNumber;
        return slot.Kind == ReminderSlotKind.Snoozed
            ? slot with { DaysFromDue = daysFromDue }
            : slot with { DaysFromDue = daysFromDue, Kind = KindOf(daysFromDue) };
    }

    private static ReminderSlot? LatestOwed(ReminderTrack track, ReminderSettings settings, DateTimeOffset now)
    {
        var floor = track.Floor;
        if (track.SnoozedUntil is { } snoozed)
        {
            if (snoozed > now)
            {
                return null;
            }

            // Regular slots before the snooze time were replaced by it.
            var regular = LatestRegularAtOrBefore(track.Due, settings, now);
            if (regular is not null && regular.At > snoozed && regular.At > floor)
            {
                return regular;
            }

            return snoozed > floor ? SnoozeSlot(track.Due, snoozed, settings) : null;
        }

        var latest = LatestRegularAtOrBefore(track.Due, settings, now);
        return latest is not null && latest.At > floor ? latest : null;
    }

    /// <summary>Snoozing for <paramref name="days"/> days means the reminder time that many local days later.</summary>
    public static DateTimeOffset SnoozeUntil(DateTimeOffset now, int days, ReminderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxSnoozeDays);
        var today = ZonedTime.LocalDate(now, settings.TimeZone);
        return ZonedTime.ToInstant(today.AddDays(days), settings.LocalTime, settings.TimeZone);
    }

    /// <summary>The regular slots in time order (unbounded while overdue reminders are on).</summary>
    public static IEnumerable<ReminderSlot> RegularSlots(DateOnly due, ReminderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var offset in BeforeOffsets(settings))
        {
            yield return Slot(due, -offset, settings);
        }

        if (settings.OverdueEveryDays <= 0)
        {
            yield break;
        }

        for (var k = 1; ; k++)
        {
            yield return Slot(due, k * settings.OverdueEveryDays, settings);
        }
    }

    private static ReminderSlot? FirstRegularAfter(DateOnly due, ReminderSettings settings, DateTimeOffset after)
    {
        foreach (var offset in BeforeOffsets(settings))
        {
            var slot = Slot(due, -offset, settings);
            if (slot.At > after)
            {
                return slot;
            }
        }

        var every = settings.OverdueEveryDays;
        if (every <= 0)
        {
            return null;
        }

        // Jump close to 'after' instead of walking every overdue week; a DST shift moves a slot by an hour at most.
        var elapsed = ZonedTime.LocalDate(after, settings.TimeZone).DayNumber - due.DayNumber;
        for (var k = Math.Max(1, elapsed / every); ; k++)
        {
            var slot = Slot(due, k * every, settings);
            if (slot.At > after)
            {
                return slot;
            }
        }
    }

    private static ReminderSlot? LatestRegularAtOrBefore(DateOnly due, ReminderSettings settings, DateTimeOffset now)
    {
        var every = settings.OverdueEveryDays;
        if (every > 0)
        {
            var elapsed = ZonedTime.LocalDate(now, settings.TimeZone).DayNumber - due.DayNumber;
            for (var k = (elapsed / every) + 1; k >= 1; k--)
            {
                var slot = Slot(due, k * every, settings);
                if (slot.At <= now)
                {
                    return slot;
                }
            }
        }

        foreach (var offset in BeforeOffsets(settings).Reverse())
        {
            var slot = Slot(due, -offset, settings);
            if (slot.At <= now)
            {
                return slot;
            }
        }

        return null;
    }

    // Largest offset first, so the slots come out in time order.
    private static IEnumerable<int> BeforeOffsets(ReminderSettings settings) =>
        settings.DaysBefore.Where(d => d >= 0).Distinct().OrderDescending();

    private static ReminderSlot Slot(DateOnly due, int daysFromDue, ReminderSettings settings)
    {
        var at = ZonedTime.ToInstant(due.AddDays(daysFromDue), settings.LocalTime, settings.TimeZone);
        return new ReminderSlot(at, KindOf(daysFromDue), daysFromDue);
    }

    private static ReminderSlotKind KindOf(int daysFromDue) => daysFromDue switch
    {
        < 0 => ReminderSlotKind.BeforeDue,
        0 => ReminderSlotKind.DueDay,
        _ => ReminderSlotKind.Overdue,
    };

    private static ReminderSlot SnoozeSlot(DateOnly due, DateTimeOffset at, ReminderSettings settings) =>
        new(at, ReminderSlotKind.Snoozed, ZonedTime.LocalDate(at, settings.TimeZone).DayNumber - due.DayNumber);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
