namespace Postmortem.Terminal.Rendering;

/// <summary>The references with their numbers, titles and links.</summary>
public static class ReferencesView
{
    public static void Write(TerminalWriter output, Core.Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(postmortem);
        output.Heading("References");
        if (postmortem.References.Count == 0)
        {
            output.Line("  None yet. Add one with: reference add <link> <title>");
            return;
        }

        foreach (var reference in postmortem.References)
        {
            output.Line($"  #{reference.Id,-3} {reference.Title}");
            output.Line($"       {reference.Url}");
        }
    }
}
