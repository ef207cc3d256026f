namespace Postmortem.Core.Linting;

/// <summary>
/// One thing the postmortem does not do yet. <c>Code</c> is stable (see <see cref="LintCodes"/>), <c>Target</c>
/// names the item when there is one ("5b", "1.2", "5a-i", a question key), <c>Hint</c> says how to fix it.
/// </summary>
public sealed record LintFinding(
    string Code,
    LintSeverity Severity,
    string SectionKey,
    string? Target,
    string Message,
    string Hint);
