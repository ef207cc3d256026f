using Postmortem.Core.Chat;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Sections;

/// <summary>One saved version of a section answer. Numbers start at 1 and only grow.</summary>
public sealed record AnswerRevision(int Number, string Text, UserRef Author, DateTimeOffset At)
{
    /// <summary>The chat message whose text this revision added, if any.</summary>
    public ChatSource? Source { get; init; }
}
