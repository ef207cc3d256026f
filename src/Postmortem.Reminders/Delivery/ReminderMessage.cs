using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Postmortem.Core.Actions;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Reminders;

namespace Postmortem.Reminders.Delivery;

/// <summary>
/// Everything one action-item reminder says: the item, its corrective action and lesson, the postmortem and
/// where its thread is. <see cref="Nonce"/> is the same for every attempt at this slot, so Discord can drop a
/// resend after a crash (it dedupes an enforced nonce for a few minutes).
/// </summary>
public sealed record ReminderMessage(
    string GuildId,
    string ChannelId,
    string? ThreadId,
    PostmortemId PostmortemId,
    string PostmortemTitle,
    int ItemId,
    string Label,
    string Text,
    string? CorrectiveAction,
    string? Lesson,
    UserRef Owner,
    DateOnly Due,
    ReminderSlot Slot,
    string Nonce)
{
    /// <summary>The thread if the postmortem has one, else the channel it was started in.</summary>
    public string DiscussionChannelId => ThreadId ?? ChannelId;

    public static ReminderMessage Create(Core.Postmortem postmortem, ActionItem item, ReminderSlot slot)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(slot);
        var owner = item.Owner ?? throw new ArgumentException($"Action item {item.Label} has no owner.", nameof(item));
        var due = item.Due ?? throw new ArgumentException($"Action item {item.Label} has no due date.", nameof(item));
        var action = postmortem.FindCorrectiveAction(item.CorrectiveActionId);
        var lesson = action is null ? null : postmortem.FindLesson(action.LessonId);
        return new ReminderMessage(
            postmortem.GuildId,
            postmortem.ChannelId,
            postmortem.ThreadId,
            postmortem.Id,
            postmortem.Title,
            item.Id,
            item.Label,
            item.Text,
            action is null ? null : $"{action.Label}: {action.Text}",
            lesson is null ? null : $"{lesson.Label}: {lesson.Text}",
            owner,
            due,
            slot,
            NonceFor(postmortem.Id, item.Id, slot.At));
    }

    /// <summary>A decimal nonce (≤ 20 digits, Discord allows 25) derived from the item and the slot.</summary>
    public static string NonceFor(PostmortemId postmortemId, int itemId, DateTimeOffset slot)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"reminder:{postmortemId.Value}:{itemId}:{slot.UtcTicks}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 1).ToString(CultureInfo.InvariantCulture);
    }
}
