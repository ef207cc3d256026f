using Postmortem.Core.Chat;
using Postmortem.Core.Commands;
using Postmortem.Core.Metrics;

namespace Postmortem.Core;

public sealed partial class Postmortem
{
    /// <summary>
    /// Where a chat message was already pulled in (timeline entries, graphs, section answers, why answers that are
    /// still there), described for the user: "timeline entry 3", "graph 2", "the answer to summary", "answer 1.2a".
    /// </summary>
    public IReadOnlyList<string> UsesOf(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var uses = new List<string>();
        uses.AddRange(_timeline.Items.Where(e => IsFrom(e.Source, messageId)).Select(e => $"timeline entry {e.Id}"));
        uses.AddRange(_metrics.Items.Where(m => IsFrom(m.Source, messageId)).Select(m => $"graph {m.Id}"));
        uses.AddRange(_sections.Items.Where(s => s.Revisions.Any(r => IsFrom(r.Source, messageId))).Select(s => $"the answer to {s.Key}"));
        uses.AddRange(_whyAnswers.Items.Where(a => !a.Retracted && IsFrom(a.Source, messageId)).Select(a => $"answer {a.Label}"));
        return uses;
    }

    // The same message may feed different parts (a timeline entry and an answer), but not the same part twice.
    private UserError? RejectTimelineDuplicate(ChatSource? source) =>
        source is not null && _timeline.Items.FirstOrDefault(e => IsFrom(e.Source, source.MessageId)) is { } entry
            ? Duplicate($"This message is already on the timeline (entry {entry.Id}).")
            : null;

    // A message with several images gives several graphs: each image (by attachment id, else link) is one item.
    private UserError? RejectMetricDuplicate(ChatSource? source, string? imageKey) =>
        source is not null
        && _metrics.Items.FirstOrDefault(m => IsFrom(m.Source, source.MessageId) && string.Equals(ImageKey(m), imageKey, StringComparison.Ordinal)) is { } item
            ? Duplicate($"This {(imageKey is null ? "table" : "image")} is already in Metrics/Graphs (item {item.Id}).")
            : null;

    private static string? ImageKey(MetricItem item) =>
        item.Kind == MetricKind.Image ? item.AttachmentId ?? item.Url : null;

    private UserError? RejectSectionDuplicate(ChatSource? source, string sectionKey) =>
        source is not null && _sections.Find(sectionKey) is { } section && section.Revisions.Any(r => IsFrom(r.Source, source.MessageId))
            ? Duplicate($"This message is already part of the answer to {sectionKey}.")
            : null;

    private UserError? RejectWhyAnswerDuplicate(ChatSource? source, int whyId) =>
        source is not null && _whyAnswers.Items.FirstOrDefault(a => a.WhyId == whyId && !a.Retracted && IsFrom(a.Source, source.MessageId)) is { } answer
            ? Duplicate($"This message already answers that why (answer {answer.Label}).")
            : null;

    private static bool IsFrom(ChatSource? source, string messageId) =>
        source is not null && string.Equals(source.MessageId, messageId, StringComparison.Ordinal);

    private static UserError Duplicate(string message) => new(ErrorCodes.Duplicate, message + " Nothing was changed.");
}
