using Postmortem.Core.Reminders;

namespace Postmortem.Reminders.Tests.Rules;

public sealed class ReminderPolicyTests
{
    private static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static ReminderSettings Utc { get; } = ReminderSettings.Default;

    private static DateTimeOffset Utc9(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RegularSlots_ByDefault_AreSevenDaysBeforeOneDayBeforeTheDueDayThenWeeklyAt0900()
    {
        var slots = ReminderPolicy.RegularSlots(new DateOnly(2026, 6, 10), Utc).Take(5).ToList();

        Assert.Equal(
            [Utc9(2026, 6, 3), Utc9(2026, 6, 9), Utc9(2026, 6, 10), Utc9(2026, 6, 17), Utc9(2026, 6, 24)],
            slots.Select(s => s.At));
        Assert.Equal(
            [ReminderSlotKind.BeforeDue, ReminderSlotKind.BeforeDue, ReminderSlotKind.DueDay, ReminderSlotKind.Overdue, ReminderSlotKind.Overdue],
            slots.Select(s => s.Kind));
        Assert.Equal([-7, -1, 0, 7, 14], slots.Select(s => s.DaysFromDue));
    }

    [Fact]
    public void Next_ForANewItem_IsTheFirstSlotAfterItWasScheduled()
    {
        var due = new DateOnly(2026, 6, 10);

        Assert.Equal(Utc9(2026, 6, 3), ReminderPolicy.Next(new ReminderTrack(due, Utc9(2026, 5, 1)), Utc)!.At);
        // Created after the 7-days-before slot: that one is not owed, the 1-day one is next.
        Assert.Equal(Utc9(2026, 6, 9), ReminderPolicy.Next(new ReminderTrack(due, Utc9(2026, 6, 3).AddMinutes(1)), Utc)!.At);
        // A slot exactly at the schedule start is not owed either.
        Assert.Equal(Utc9(2026, 6, 9), ReminderPolicy.Next(new ReminderTrack(due, Utc9(2026, 6, 3)), Utc)!.At);
    }

    [Fact]
    public void Next_AfterASlotWasSent_IsTheFollowingSlot()
    {
        var track = new ReminderTrack(new DateOnly(2026, 6, 10), Utc9(2026, 5, 1), LastSlotSent: Utc9(2026, 6, 10));

        Assert.Equal(Utc9(2026, 6, 17), ReminderPolicy.Next(track, Utc)!.At);
    }

    [Fact]
    public void Due_DeliveredLate_DescribesTheDayItArrivesNotTheDayItWasOwed()
    {
        // The 7-days-before slot (3 June) was missed; on 6 June the item is due in 4 days, not 7.
        var track = new ReminderTrack(new DateOnly(2026, 6, 10), Utc9(2026, 5, 1));

        var late = ReminderPolicy.Due(track, Utc, Utc9(2026, 6, 6))!;

        Assert.Equal(Utc9(2026, 6, 3), late.At);
        Assert.Equal("due in 4 days", late.Describe());
        // Missed until the due day itself: the owner is told it is due today.
        var onTheDay = ReminderPolicy.Due(track with { LastSlotSent = Utc9(2026, 6, 3) }, Utc, Utc9(2026, 6, 10).AddHours(5))!;
        Assert.Equal(ReminderSlotKind.DueDay, onTheDay.Kind);
        Assert.Equal("due today", onTheDay.Describe());
    }

    [Fact]
    public void Due_WhenSeveralSlotsWereMissed_IsOnlyTheLatestOne()
    {
        var track = new ReminderTrack(new DateOnly(2026, 6, 10), Utc9(2026, 5, 1));
        var now = Utc9(2026, 6, 18);

        var due = ReminderPolicy.Due(track, Utc, now);

        Assert.Equal(Utc9(2026, 6, 17), due!.At);
        Assert.Equal(ReminderSlotKind.Overdue, due.Kind);
        // Once it is sent, nothing else is due until the next weekly slot.
        var sent = track with { LastSlotSent = due.At };
        Assert.Null(ReminderPolicy.Due(sent, Utc, now));
        Assert.Equal(Utc9(2026, 6, 24), ReminderPolicy.Next(sent, Utc)!.At);
    }

    [Fact]
    public void Due_BeforeTheFirstSlot_IsNothing()
    {
        var track = new ReminderTrack(new DateOnly(2026, 6, 10), Utc9(2026, 5, 1));

        Assert.Null(ReminderPolicy.Due(track, Utc, Utc9(2026, 6, 3).AddTicks(-1)));
        Assert.Equal(Utc9(2026, 6, 3), ReminderPolicy.Due(track, Utc, Utc9(2026, 6, 3))!.At);
    }

    [Fact]
    public void Due_TwoYearsOverdue_IsTheLatestWeeklySlotWithoutWalkingEveryWeek()
    {
        var track = new ReminderTrack(new DateOnly(2024, 1, 1), Utc9(2023, 12, 1), LastSlotSent: Utc9(2024, 1, 1));
        var now = new DateTimeOffset(2026, 1, 7, 8, 0, 0, TimeSpan.Zero);

        var due = ReminderPolicy.Due(track, Utc, now)!;

        // 2024-01-01 + 104 weeks = 2025-12-29; 2026-01-05 is 105 weeks.
        Assert.Equal(Utc9(2026, 1, 5), due.At);
        // Delivered on 7 January: 737 days overdue that day (the slot itself was owed at 735).
        Assert.Equal(737, due.DaysFromDue);
    }

    [Fact]
    public void Slots_InBerlinAcrossSpringForward_StayAt0900LocalTime()
    {
        var settings = Utc with { TimeZone = Berlin };
        var slots = ReminderPolicy.RegularSlots(new DateOnly(2026, 3, 31), settings).Take(4).Select(s => s.At).ToList();

        Assert.Equal(
            [
                new DateTimeOffset(2026, 3, 24, 8, 0, 0, TimeSpan.Zero), // CET, UTC+1
                new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), // CEST, UTC+2 since 29 March
                new DateTimeOffset(2026, 3, 31, 7, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 4, 7, 7, 0, 0, TimeSpan.Zero),
            ],
            slots);
    }

    [Fact]
    public void Slots_InNewYorkAcrossFallBack_StayAt0900LocalTime()
    {
        var settings = Utc with { TimeZone = NewYork };
        var slots = ReminderPolicy.RegularSlots(new DateOnly(2026, 10, 30), settings).Skip(2).Take(2).Select(s => s.At).ToList();

        Assert.Equal(
            [
                new DateTimeOffset(2026, 10, 30, 13, 0, 0, TimeSpan.Zero), // EDT, UTC-4
                new DateTimeOffset(2026, 11, 6, 14, 0, 0, TimeSpan.Zero), // EST, UTC-5 since 1 November
            ],
            slots);
    }

    [Fact]
    public void Due_WhenTheClockJumpsOverTheDstChange_FindsTheRightLocalSlot()
    {
        var settings = Utc with { TimeZone = Berlin };
        var track = new ReminderTrack(new DateOnly(2026, 10, 20), new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        // 27 October 09:00 CET is 08:00Z: at 07:30Z (08:30 local) the due-day slot of 20 October is still the latest.
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 7, 0, 0, TimeSpan.Zero), ReminderPolicy.Due(track, settings, new DateTimeOffset(2026, 10, 27, 7, 30, 0, TimeSpan.Zero))!.At);
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 8, 0, 0, TimeSpan.Zero), ReminderPolicy.Due(track, settings, new DateTimeOffset(2026, 10, 27, 8, 0, 0, TimeSpan.Zero))!.At);
    }

    [Fact]
    public void Snooze_ReplacesRegularSlotsBeforeIt_ThenTheScheduleResumes()
    {
        var due = new DateOnly(2026, 6, 10);
        var snoozedUntil = new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.Zero);
        var track = new ReminderTrack(due, Utc9(2026, 5, 1), LastSlotSent: Utc9(2026, 6, 9), SnoozedUntil: snoozedUntil);

        Assert.Equal(snoozedUntil, ReminderPolicy.Next(track, Utc)!.At);
        Assert.Null(ReminderPolicy.Due(track, Utc, Utc9(2026, 6, 10))); // the due-day slot is snoozed away
        var due1 = ReminderPolicy.Due(track, Utc, Utc9(2026, 6, 12))!;
        Assert.Equal(ReminderSlotKind.Snoozed, due1.Kind);
        Assert.Equal(2, due1.DaysFromDue);

        var sent = track with { LastSlotSent = due1.At };
        Assert.Equal(Utc9(2026, 6, 17), ReminderPolicy.Next(sent, Utc)!.At);
    }

    [Fact]
    public void Snooze_MissedAndFollowedByARegularSlot_SendsOnlyTheLatest()
    {
        var track = new ReminderTrack(new DateOnly(2026, 6, 10), Utc9(2026, 5, 1), Utc9(2026, 6, 10), SnoozedUntil: Utc9(2026, 6, 13));

        var due = ReminderPolicy.Due(track, Utc, Utc9(2026, 6, 18))!;

        Assert.Equal(Utc9(2026, 6, 17), due.At);
        Assert.Equal(ReminderSlotKind.Overdue, due.Kind);
    }

    [Fact]
    public void SnoozeUntil_IsTheReminderTimeThatManyLocalDaysLater()
    {
        var settings = Utc with { TimeZone = Berlin };
        // 23:30 on 28 March in Berlin (22:30Z); three days later at 09:00, after the switch to summer time.
        var until = ReminderPolicy.SnoozeUntil(new DateTimeOffset(2026, 3, 28, 22, 30, 0, TimeSpan.Zero), 3, settings);

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 7, 0, 0, TimeSpan.Zero), until);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPolicy.SnoozeUntil(DateTimeOffset.UnixEpoch, 0, settings));
    }

    [Fact]
    public void Next_WithOverdueRemindersOff_EndsAfterTheDueDay()
    {
        var settings = Utc with { DaysBefore = [3], OverdueEveryDays = 0 };
        var track = new ReminderTrack(new DateOnly(2026, 6, 10), Utc9(2026, 5, 1));

        Assert.Equal([Utc9(2026, 6, 7)], ReminderPolicy.RegularSlots(track.Due, settings).Select(s => s.At));
        Assert.Null(ReminderPolicy.Next(track with { LastSlotSent = Utc9(2026, 6, 7) }, settings));
    }

    [Theory]
    [InlineData(-7, "due in 7 days")]
    [InlineData(-1, "due tomorrow")]
    [InlineData(0, "due today")]
    [InlineData(1, "overdue by 1 day")]
    [InlineData(14, "overdue by 14 days")]
    public void Describe_SaysWhenTheItemIsDue(int daysFromDue, string expected) =>
        Assert.Equal(expected, new ReminderSlot(DateTimeOffset.UnixEpoch, ReminderSlotKind.Overdue, daysFromDue).Describe());

    [Fact]
    public void Validate_RejectsNegativeOffsetsAndHugeIntervals()
    {
        Assert.Null(ReminderSettings.Default.Validate());
        Assert.NotNull((ReminderSettings.Default with { DaysBefore = [-1] }).Validate());
        Assert.NotNull((ReminderSettings.Default with { OverdueEveryDays = 365 }).Validate());
        Assert.NotNull((ReminderSettings.Default with { StaleAfterDays = -2 }).Validate());
    }
}
