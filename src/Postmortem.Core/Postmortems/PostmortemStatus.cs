namespace Postmortem.Core.Postmortems;

public enum PostmortemStatus
{
    Draft,
    InReview,
    Final,
}
