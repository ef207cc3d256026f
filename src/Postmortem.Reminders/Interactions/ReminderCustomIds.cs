using System.Globalization;
using Postmortem.Core.Postmortems;

namespace Postmortem.Reminders.Interactions;

/// <summary>
/// Custom ids of the reminder components. They carry stable ids only (postmortem and item ids, snooze days,
/// a page number), so buttons on a reminder sent weeks ago still work after any number of restarts.
/// </summary>
public static class ReminderCustomIds
{
    public const string Prefix = "rem:";

    public const string Done = "done";
    public const string Snooze = "snooze";
    public const string Drop = "drop";
    public const string DoneModal = "done-modal";
    public const string DropModal = "drop-modal";
    public const string Page = "page";

    public const string EvidenceField = "evidence";
    public const string ReasonField = "reason";

    public static readonly IReadOnlyList<int> SnoozeDays = [1, 3, 7];

    public static string ForDone(PostmortemId postmortemId, int itemId) => Item(Done, postmortemId, itemId);

    public static string ForSnooze(PostmortemId postmortemId, int itemId, int days) =>
        Item(Snooze, postmortemId, itemId) + ":" + days.ToString(CultureInfo.InvariantCulture);

    public static string ForDrop(PostmortemId postmortemId, int itemId) => Item(Drop, postmortemId, itemId);

    public static string ForDoneModal(PostmortemId postmortemId, int itemId) => Item(DoneModal, postmortemId, itemId);

    public static string ForDropModal(PostmortemId postmortemId, int itemId) => Item(DropModal, postmortemId, itemId);

    /// <summary>A page of an "/actions" list; <paramref name="list"/> is "mine" or "overdue".</summary>
    public static string ForPage(string list, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Page}:{list}:{page}");

    /// <summary>Parses a reminder custom id; false for ids of other features or malformed ones.</summary>
    public static bool TryParse(string? customId, out ReminderAction action)
    {
        action = default;
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = customId[Prefix.Length..].Split(':');
        switch (parts)
        {
            case [Page, var list, var page] when int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                action = new ReminderAction(Page, PostmortemId.None, 0, number, list);
                return true;
            case [var verb, var pm, var item] when verb is Done or Drop or DoneModal or DropModal && TryIds(pm, item, out var id, out var itemId):
                action = new ReminderAction(verb, id, itemId, 0, null);
                return true;
            case [Snooze, var pm, var item, var days] when TryIds(pm, item, out var id, out var itemId)
                && int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && SnoozeDays.Contains(d):
                action = new ReminderAction(Snooze, id, itemId, d, null);
                return true;
            default:
                return false;
        }
    }

    private static string Item(string verb, PostmortemId postmortemId, int itemId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{verb}:{postmortemId.Value}:{itemId}");

    private static bool TryIds(string pm, string item, out PostmortemId id, out int itemId)
    {
        itemId = 0;
        return PostmortemId.TryParse(pm, out id)
            && int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out itemId) && itemId > 0;
    }
}

/// <summary>A parsed reminder custom id. <see cref="Number"/> is the snooze days or the page; <see cref="List"/> the list name.</summary>
public readonly record struct ReminderAction(string Verb, PostmortemId PostmortemId, int ItemId, int Number, string? List);
