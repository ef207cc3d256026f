using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Sections;

/// <summary>One saved version of a section answer. Numbers start at 1 and only grow.</summary>
public sealed record AnswerRevision(int Number, string Text, UserRef Author, DateTimeOffset At);
