namespace Postmortem.Core.Postmortems;

/// <summary>Input limits shared by every front end (chat modals cap one text field at 4000 characters).</summary>
public static class Limits
{
    public const int MaxTextLength = 4000;
    public const int MaxTitleLength = 100;
    public const int MaxSeverityLength = 40;
    public const int MaxCaptionLength = 500;
    public const int MaxReasonLength = 1000;
    public const int MaxSectionKeyLength = 100;
    public const int MaxUrlLength = 2000;
    public const int MaxReferenceTitleLength = 200;
    public const int MaxReferences = 100;
}
