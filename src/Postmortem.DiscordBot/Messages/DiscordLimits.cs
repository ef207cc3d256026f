namespace Postmortem.DiscordBot.Messages;

/// <summary>Discord's documented size limits the front end writes against (docs win where the spec differs).</summary>
public static class DiscordLimits
{
    public const int MessageContent = 2000;
    public const int ModalTitle = 45;
    public const int ModalTextInput = 4000;
    public const int LabelText = 45;
    public const int LabelDescription = 100;
    public const int ButtonLabel = 80;
    public const int CustomId = 100;
    public const int ThreadName = 100;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFieldName = 256;
    public const int EmbedFieldValue = 1024;
    public const int EmbedFooter = 2048;
    public const int EmbedTotal = 6000;
    public const int AutocompleteChoices = 25;
    public const int ChoiceName = 100;
}
