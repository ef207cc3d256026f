using System.Text;
using Postmortem.Core.Application;
using Postmortem.Core.Export;
using Postmortem.Core.Guilds;
using Postmortem.Core.Linting;
using Postmortem.Core.Pictures;
using Postmortem.Core.Text;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;
using Postmortem.DiscordBot.Pictures;

namespace Postmortem.DiscordBot.Export;

/// <summary>
/// <c>/postmortem export [keep-names-out] [pictures] [id]</c>: the whole document as a Markdown file attachment, times in
/// the server's zone, with the pictures it links to attached to the same message (NAME.timeline.png beside NAME.md);
/// open findings are listed at the end while it is not final. Deferred: drawing and uploading take time.
/// </summary>
public sealed class ExportCommand(
    PostmortemAccess access,
    PostmortemService service,
    IGuildSettingsStore settingsStore,
    LintOptions lintOptions,
    IPostmortemPictures pictures) : SlashCommandHandler
{
    public const string KeepNamesOutOption = "keep-names-out";
    public const string PicturesOption = "pictures";

    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "export",
        "The postmortem as a Markdown file, ready for GitHub or HackMD",
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Boolean,
            Name = KeepNamesOutOption,
            Description = "For publishing: replace people's names and mentions with neutral words",
        },
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Boolean,
            Name = PicturesOption,
            Description = "Attach the timeline chart, the Five Whys tree and table charts too (default: yes)",
        },
        PostmortemCommand.PostmortemIdOption);

    public override async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveForCommandAsync(context, cancellationToken) is not { } postmortem)
        {
            return;
        }

        await context.DeferAsync(ephemeral: false, cancellationToken);
        var keepNamesOut = context.Data.GetBoolean(KeepNamesOutOption) == true;
        var settings = await settingsStore.GetAsync(postmortem.GuildId, cancellationToken);
        var template = service.TemplateFor(postmortem);
        var options = new ExportOptions
        {
            TimeZone = settings.TimeZone,
            KeepNamesOut = keepNamesOut,
            OpenFindings = Linter.Lint(postmortem, template, lintOptions),
        };
        var name = FileName(postmortem);

        // One message: the document and, beside it, the pictures it links to (a chat message has no folders).
        var document = context.Data.GetBoolean(PicturesOption) == false
            ? new DocumentWithPictures(name, MarkdownExporter.Export(postmortem, template, options), [])
            : ExportBundle.Flat(postmortem, template, options, pictures, name, PictureUploads.MaxPerMessage - 1);
        var file = new FileUpload(document.FileName, Encoding.UTF8.GetBytes(document.Markdown))
        {
            ContentType = "text/markdown; charset=utf-8",
            Description = DiscordMarkdown.Truncate($"Postmortem #{postmortem.Id}: {postmortem.Title}", 1024),
        };
        var pictureNote = document.Pictures.Count == 0 ? "" : $" with {Counted.Of(document.Pictures.Count, "picture")} it links to";
        await context.EditOriginalAsync(
            new MessagePayload
            {
                Content = $"📄 Postmortem #{postmortem.Id} **{DiscordMarkdown.Escape(postmortem.Title, singleLine: true)}** "
                    + $"({StatusText.Of(postmortem.Status)}) as Markdown{pictureNote}{(keepNamesOut ? ", names kept out" : "")}.",
                Files = [file, .. document.Pictures.Select(a => PictureUploads.ToUpload(a.Image, a.RelativePath))],
            },
            cancellationToken);
    }

    public override Task AutocompleteAsync(InteractionContext context, InteractionOption focused, CancellationToken cancellationToken) =>
        access.SuggestAsync(context, focused, cancellationToken);

    /// <summary>e.g. postmortem-12-database-outage.md: lower-case ASCII letters and digits only.</summary>
    internal static string FileName(Core.Postmortem postmortem)
    {
        var slug = new StringBuilder();
        foreach (var c in postmortem.Title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 40)
            {
                break;
            }
        }

        var name = slug.ToString().Trim('-');
        return name.Length == 0 ? $"postmortem-{postmortem.Id}.md" : $"postmortem-{postmortem.Id}-{name}.md";
    }
}
