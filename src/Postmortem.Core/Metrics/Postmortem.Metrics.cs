using Postmortem.Core.Commands;
using Postmortem.Core.Metrics;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core;

public sealed partial class Postmortem
{
    public IReadOnlyList<MetricItem> Metrics => _metrics.Items;

    private CommandResult ApplyAddMetricImage(AddMetricImage command, UserRef actor, DateTimeOffset now)
    {
        var hasUrl = !string.IsNullOrWhiteSpace(command.Url);
        var hasAttachment = !string.IsNullOrWhiteSpace(command.AttachmentId);
        if (!hasUrl && !hasAttachment)
        {
            return UserError.Invalid("Give an image link or an uploaded image.");
        }

        var url = "";
        if (hasUrl && InputRules.HttpUrl(command.Url, "The image link", out url) is { } urlError)
        {
            return urlError;
        }

        if (InputRules.OptionalText(command.Caption, "The caption", Limits.MaxCaptionLength, out var caption) is { } error)
        {
            return error;
        }

        var attachmentId = hasAttachment ? command.AttachmentId!.Trim() : null;
        if (RejectMetricDuplicate(command.Source, attachmentId ?? url) is { } duplicate)
        {
            return duplicate;
        }

        return AddMetric(new MetricItem
        {
            Id = _counters.NextMetricId,
            Kind = MetricKind.Image,
            Url = hasUrl ? url : null,
            AttachmentId = attachmentId,
            Caption = caption ?? "",
            Author = actor,
            At = now,
            Source = command.Source,
        });
    }

    private CommandResult ApplyAddMetricTable(AddMetricTable command, UserRef actor, DateTimeOffset now)
    {
        if (InputRules.Text(command.Markdown, "The table", Limits.MaxTextLength, out var table) is { } error)
        {
            return error;
        }

        if (MarkdownTable.Validate(table) is { } problem)
        {
            return UserError.Invalid(problem);
        }

        if (InputRules.OptionalText(command.Caption, "The caption", Limits.MaxCaptionLength, out var caption) is { } captionError)
        {
            return captionError;
        }

        if (RejectMetricDuplicate(command.Source, null) is { } duplicate)
        {
            return duplicate;
        }

        return AddMetric(new MetricItem
        {
            Id = _counters.NextMetricId,
            Kind = MetricKind.Table,
            Table = table,
            Caption = caption ?? "",
            Author = actor,
            At = now,
            Source = command.Source,
        });
    }

    private CommandResult ApplyRemoveMetric(RemoveMetric command) =>
        _metrics.Remove(command.MetricId)
            ? CommandResult.Success()
            : UserError.NotFound($"Graph or table {command.MetricId} does not exist.");

    private CommandResult AddMetric(MetricItem item)
    {
        _counters = _counters with { NextMetricId = item.Id + 1 };
        _metrics.Add(item);
        return CommandResult.Success(item.Id);
    }
}
