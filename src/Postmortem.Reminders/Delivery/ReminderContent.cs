using System.Globalization;
using Postmortem.Discord.Models;
using Postmortem.Reminders.Interactions;

namespace Postmortem.Reminders.Delivery;

/// <summary>The Discord messages of the reminders: an embed with the item, its context and the action buttons.</summary>
public static class ReminderContent
{
    private const int ReminderColor = 0xF0B232;
    private const int OverdueColor = 0xDA373C;

    /// <summary>https://discord.com/channels/{guild}/{thread}</summary>
    public static Uri ThreadLink(Uri linkBase, string guildId, string channelId)
    {
        ArgumentNullException.ThrowIfNull(linkBase);
        return new Uri(linkBase, $"{guildId}/{channelId}");
    }

    /// <summary>
    /// The reminder message. In the thread it mentions the owner (the only ping allowed); in a DM it needs no mention.
    /// </summary>
    public static MessagePayload Reminder(ReminderMessage message, Uri linkBase, bool inThread)
    {
        ArgumentNullException.ThrowIfNull(message);
        var link = ThreadLink(linkBase, message.GuildId, message.DiscussionChannelId);
        var when = message.Slot.Describe();
        var fields = new List<EmbedField>();
        if (message.CorrectiveAction is { } action)
        {
            fields.Add(new EmbedField("Corrective action", Clip(action, 1024)));
        }

        if (message.Lesson is { } lesson)
        {
            fields.Add(new EmbedField("Lesson learned", Clip(lesson, 1024)));
        }

        fields.Add(new EmbedField("Postmortem", Clip($"[{message.PostmortemTitle}]({link})", 1024)));
        fields.Add(new EmbedField("Due", message.Due.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture), Inline: true));
        var embed = new Embed
        {
            Title = Clip($"Action item {message.Label} is {when}", 256),
            Description = Clip(message.Text, 4096),
            Url = link,
            Color = message.Slot.DaysFromDue > 0 ? OverdueColor : ReminderColor,
            Fields = fields,
        };

        var owner = message.Owner.Id;
        return new MessagePayload
        {
            Content = inThread
                ? $"<@{owner}> a reminder for action item {message.Label} ({when}); I could not send it as a direct message."
                : $"Reminder: action item {message.Label} of \"{Clip(message.PostmortemTitle, 100)}\" is {when}.",
            Embeds = [embed],
            Components = [Buttons(message)],
            AllowedMentions = inThread && Snowflake.TryParse(owner, out var ownerId) ? AllowedMentions.OnlyUsers(ownerId) : AllowedMentions.None,
            Nonce = message.Nonce,
            EnforceNonce = true,
        };
    }

    /// <summary>Done, Snooze 1/3/7 days, Not doing.</summary>
    public static ActionRow Buttons(ReminderMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var pm = message.PostmortemId;
        var item = message.ItemId;
        return new ActionRow(
        [
            Button.Success(ReminderCustomIds.ForDone(pm, item), "Done"),
            .. ReminderCustomIds.SnoozeDays.Select(days =>
                (Component)Button.Secondary(ReminderCustomIds.ForSnooze(pm, item, days), days == 1 ? "Snooze 1 day" : $"Snooze {days} days")),
            Button.Danger(ReminderCustomIds.ForDrop(pm, item), "Not doing"),
        ]);
    }

    /// <summary>A plain post (digest, agenda, nudge): no pings.</summary>
    public static MessagePayload Post(ChannelPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new MessagePayload
        {
            Content = Clip(post.Content, 2000),
            AllowedMentions = AllowedMentions.None,
            Nonce = post.Nonce,
            EnforceNonce = post.Nonce is null ? null : true,
        };
    }

    internal static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
