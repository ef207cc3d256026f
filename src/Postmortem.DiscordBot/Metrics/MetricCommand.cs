using Postmortem.Core.Metrics;
using Postmortem.Core.Pictures;
using Postmortem.Core.Postmortems;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Pictures;

namespace Postmortem.DiscordBot.Metrics;

/// <summary>
/// <c>/postmortem metric image|table|chart|remove</c>: a graph as an uploaded image (the attachment option) or a link, a
/// Markdown table through a modal (checked by the engine: header row, separator row), a table of numbers drawn as a
/// chart (refused, privately, when it has no column of numbers), or removing one.
/// </summary>
public sealed class MetricCommand(PostmortemAccess access, PostmortemCommandRunner runner, IPostmortemPictures pictures) : SlashCommandHandler
{
    public const string FileOption = "file";
    public const string UrlOption = "url";
    public const string CaptionOption = "caption";
    public const string MetricOption = "metric";
    public const string PublicOption = "public";

    public override ApplicationCommandOption Definition { get; } = new()
    {
        Type = ApplicationCommandOptionType.SubCommandGroup,
        Name = "metric",
        Description = "Graphs and tables showing the impact",
        Options =
        [
            PostmortemCommand.Subcommand(
                "image",
                "Add a graph: upload an image or give a link",
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Attachment, Name = FileOption, Description = "The image" },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = UrlOption, Description = "Or a link to it", MaxLength = 1000 },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = CaptionOption, Description = "What it shows", MaxLength = Limits.MaxCaptionLength },
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand("table", "Add a Markdown table (opens a form)", PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "chart",
                "Draw a table of numbers as a bar or line chart",
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.Integer, Name = MetricOption, Description = "Which table", Required = true, Autocomplete = true, MinValue = 1,
                },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Boolean, Name = PublicOption, Description = "Post it for everyone" },
                PostmortemCommand.PostmortemIdOption),
            PostmortemCommand.Subcommand(
                "remove",
                "Remove a graph or table",
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.Integer, Name = MetricOption, Description = "Which one", Required = true, Autocomplete = true, MinValue = 1,
                },
                PostmortemCommand.PostmortemIdOption),
        ],
    };

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        switch (context.Data.GetSubcommand())
        {
            case "image":
                await ImageAsync(context, postmortem, cancellationToken);
                break;
            case "table":
                await (postmortem.IsReadOnly
                    ? context.FailAsync(Core.Commands.UserError.ReadOnly().Message, cancellationToken)
                    : context.ShowModalAsync(MetricTableModal.Build(postmortem.Id), cancellationToken));
                break;
            case "chart":
                await ChartAsync(context, postmortem, cancellationToken);
                break;
            default:
                await RemoveAsync(context, postmortem, cancellationToken);
                break;
        }
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        SuggestForPostmortemAsync(access, context, focused, static (postmortem, _, typed) =>
            postmortem.Metrics.Select(MetricsView.Choice).Where(c => c.Name.Contains(typed?.Trim() ?? "", StringComparison.OrdinalIgnoreCase)),
            cancellationToken);

    /// <summary>True for attachments Discord reports as images (or whose name says so when it reports no type).</summary>
    public static bool IsImage(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return attachment.ContentType is { } type
            ? type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            : Path.GetExtension(attachment.Filename).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp" or ".svg";
    }

    private async Task ImageAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        var file = context.Data.GetAttachment(FileOption);
        var url = context.Data.GetString(UrlOption);
        if ((file is null) == string.IsNullOrWhiteSpace(url))
        {
            await context.FailAsync("Upload an image with `file` or give a link with `url` (one of the two). Nothing was changed.", cancellationToken);
            return;
        }

        if (file is not null && (!IsImage(file) || file.Url is null))
        {
            await context.FailAsync($"{Messages.DiscordMarkdown.Escape(file.Filename, singleLine: true)} is not an image. Nothing was changed.", cancellationToken);
            return;
        }

        // An upload's link is what an export can show, but Discord's attachment links expire: keep its id too.
        var command = new AddMetricImage(file?.Url?.ToString() ?? url, file?.Id.ToString(), context.Data.GetString(CaptionOption) ?? "");
        var outcome = await runner.ExecuteAsync(context, postmortem.Id, command, cancellationToken);
        await (outcome is { Succeeded: true, Postmortem: { } updated, Result.CreatedId: { } id } && updated.Metrics.FirstOrDefault(m => m.Id == id) is { } item
            ? context.ReplyEphemeralAsync($"Added {MetricsView.Describe(item)} to Metrics/Graphs.", cancellationToken: cancellationToken)
            : context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken));
    }

    private async Task ChartAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        var id = context.Data.GetInt64(MetricOption) is { } raw and > 0 and <= int.MaxValue ? (int)raw : 0;
        if (postmortem.Metrics.FirstOrDefault(m => m.Id == id) is not { } item)
        {
            await context.FailAsync("That graph or table does not exist (any more); pick one from the suggestions.", cancellationToken);
            return;
        }

        var isPublic = context.Data.GetBoolean(PublicOption) == true;
        await context.DeferAsync(ephemeral: !isPublic, cancellationToken);
        var outcome = pictures.Table(item);
        if (outcome.Image is not { } chart)
        {
            // A refusal is for the asker only, even when the chart would have been public.
            if (isPublic)
            {
                await context.Rest.DeleteOriginalResponseAsync(context.Interaction.ApplicationId, context.Interaction.Token, cancellationToken);
                await context.FollowupEphemeralAsync(outcome.Error?.Message ?? "That table cannot be drawn.", cancellationToken: cancellationToken);
                return;
            }

            await context.FailAsync(outcome.Error?.Message ?? "That table cannot be drawn.", cancellationToken);
            return;
        }

        await context.EditOriginalAsync(new MessagePayload
        {
            Content = $"📊 {MetricsView.Describe(item)} as a chart.",
            Files = [PictureUploads.ToUpload(chart)],
        }, cancellationToken);
    }

    private async Task RemoveAsync(InteractionContext context, Core.Postmortem postmortem, CancellationToken cancellationToken)
    {
        var id = context.Data.GetInt64(MetricOption) is { } raw and > 0 and <= int.MaxValue ? (int)raw : 0;
        if (postmortem.Metrics.FirstOrDefault(m => m.Id == id) is not { } item)
        {
            await context.FailAsync("That graph or table does not exist (any more); pick one from the suggestions.", cancellationToken);
            return;
        }

        var outcome = await runner.ExecuteAsync(context, postmortem.Id, new RemoveMetric(item.Id), cancellationToken);
        await (outcome.Succeeded
            ? context.ReplyEphemeralAsync($"Removed {MetricsView.Describe(item)}.", cancellationToken: cancellationToken)
            : context.FailAsync(outcome.Result.Message ?? "Nothing was changed.", cancellationToken));
    }
}
