using System.Globalization;
using System.Text;
using Postmortem.Core.Actions;
using Postmortem.Core.Text;
using Postmortem.Reminders.Delivery;

namespace Postmortem.Reminders.Digest;

/// <summary>The weekly digest: overdue items, then items due within a week, each with owner and postmortem.</summary>
public static class DigestText
{
    public const int DueSoonDays = 7;

    private const int MaxLength = 2000;

    /// <summary>The digest for <paramref name="today"/> (the guild's local date), or null when nothing is overdue or due soon.</summary>
    public static string? Build(IReadOnlyList<OpenActionItem> items, DateOnly today, Uri linkBase)
    {
        ArgumentNullException.ThrowIfNull(items);
        var overdue = items.Where(i => i.Item.Due < today).ToList();
        var soon = items.Where(i => i.Item.Due is { } due && due >= today && due <= today.AddDays(DueSoonDays)).ToList();
        if (overdue.Count == 0 && soon.Count == 0)
        {
            return null;
        }

        var lines = new List<string>
        {
            $"**Weekly action item digest** ({today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}): "
            + $"{overdue.Count} overdue, {soon.Count} due in the next {DueSoonDays} days.",
        };
        if (overdue.Count > 0)
        {
            lines.Add("");
            lines.Add("__Overdue__");
            lines.AddRange(overdue.Select(i => Line(i, today, linkBase)));
        }

        if (soon.Count > 0)
        {
            lines.Add("");
            lines.Add("__Due soon__");
            lines.AddRange(soon.Select(i => Line(i, today, linkBase)));
        }

        return Fit(lines, MaxLength);
    }

    /// <summary>"• 5a-i Survey response playbooks (@owner) — due 2021-06-01, 3 days overdue — [Title](link)", with the owner mentioned</summary>
    public static string Line(OpenActionItem entry, DateOnly today, Uri linkBase)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var item = entry.Item;
        var owner = item.Owner is null ? "no owner" : $"<@{item.Owner.Id}>";
        var due = item.Due is { } date ? $"due {date:yyyy-MM-dd}{Relative(date, today)}" : "no due date";
        var link = ReminderContent.ThreadLink(linkBase, item.GuildId, entry.ThreadId ?? entry.ChannelId);
        return $"• **{item.Label}** {ReminderContent.Clip(OneLine(item.Text), 120)} ({owner}) — {due} — [{ReminderContent.Clip(OneLine(entry.PostmortemTitle), 80)}]({link})";
    }

    /// <summary>Keeps whole lines within <paramref name="max"/> characters, saying how many were left out.</summary>
    public static string Fit(IReadOnlyList<string> lines, int max)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var rest = lines.Count - i;
            var more = $"\n…and {Counted.Of(rest, "more line")}.";
            if (text.Length + lines[i].Length + 1 > max - (i == lines.Count - 1 ? 0 : more.Length))
            {
                return text.Append(more).ToString();
            }

            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append(lines[i]);
        }

        return text.ToString();
    }

    private static string Relative(DateOnly due, DateOnly today)
    {
        var days = today.DayNumber - due.DayNumber;
        return days switch
        {
            > 1 => $", {days} days overdue",
            1 => ", 1 day overdue",
            0 => " (today)",
            _ => "",
        };
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
