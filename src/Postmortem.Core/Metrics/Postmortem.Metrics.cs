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

        if (hasUrl && !(Uri.TryCreate(command.Url!.Trim(), UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return UserError.Invalid($"\"{command.Url}\" is not an http(s) link.");
        }

        if (InputRules.OptionalText(command.Caption, "The caption", Limits.MaxCaptionLength, out var caption) is { } error)
        {
            return error;
        }

        return AddMetric(new MetricItem
        {
            Id = _counters.NextMetricId,
            Kind = MetricKind.Image,
            Url = hasUrl ? command.Url!.Trim() : null,
            AttachmentId = hasAttachment ? command.AttachmentId!.Trim() : null,
            Caption = caption ?? "",
            Author = actor,
            At = now,
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

        return AddMetric(new MetricItem
        {
            Id = _counters.NextMetricId,
            Kind = MetricKind.Table,
            Table = table,
            Caption = caption ?? "",
            Author = actor,
            At = now,
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
