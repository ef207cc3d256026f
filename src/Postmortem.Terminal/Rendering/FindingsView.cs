using Postmortem.Core.Linting;

namespace Postmortem.Terminal.Rendering;

public static class FindingsView
{
    public static void Write(TerminalWriter output, IReadOnlyList<LintFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            output.Ok("No findings: the postmortem covers everything the template asks for.");
            return;
        }

        output.Heading($"{findings.Count} finding(s)");
        foreach (var finding in findings)
        {
            var where = finding.Target is { } target ? $"{finding.SectionKey} {target}" : finding.SectionKey;
            output.Line($"  {Severity(finding.Severity)} [{where}] {finding.Message}");
            if (finding.Hint.Length > 0)
            {
                output.Faint($"      fix: {finding.Hint}");
            }
        }
    }

    private static string Severity(LintSeverity severity) => severity == LintSeverity.Warning ? "warning" : "info   ";
}
