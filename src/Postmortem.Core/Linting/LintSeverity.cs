namespace Postmortem.Core.Linting;

public enum LintSeverity
{
    /// <summary>Worth a look; nothing the template asks for is missing.</summary>
    Info,

    /// <summary>Something the template asks for is missing or off.</summary>
    Warning,
}
