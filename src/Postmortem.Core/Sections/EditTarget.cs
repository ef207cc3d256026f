using System.Globalization;

namespace Postmortem.Core.Sections;

/// <summary>Builds the target strings used by <see cref="UnmergedEdit"/> and conflicts.</summary>
public static class EditTarget
{
    public static string Section(string key) => "section:" + key;

    public static string Timeline(int id) => Item("timeline", id);

    public static string Why(int id) => Item("why", id);

    public static string WhyAnswer(int id) => Item("answer", id);

    public static string Lesson(int id) => Item("lesson", id);

    public static string CorrectiveAction(int id) => Item("corrective-action", id);

    public static string ActionItem(int id) => Item("action-item", id);

    private static string Item(string kind, int id) => kind + ":" + id.ToString(CultureInfo.InvariantCulture);
}
