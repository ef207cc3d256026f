namespace Postmortem.Core.Actions;

public enum ActionItemStatus
{
    Open,
    Done,
    Dropped,
}
