using System.Text;
using Postmortem.Core.Application;
using Postmortem.Core.Export;
using Postmortem.Core.Guilds;
using Postmortem.Core.Linting;
using Postmortem.Discord.Models;
using Postmortem.DiscordBot.Commands;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Messages;

namespace Postmortem.DiscordBot.Export;

/// <summary>
/// <c>/postmortem export [keep-names-out] [id]</c>: the whole document as a Markdown file attachment, times in the
/// server's zone; open findings are listed at the end while it is not final. Deferred: uploading calls Discord.
/// </summary>
public sealed class ExportCommand(
    PostmortemAccess access,
    PostmortemService service,
    IGuildSettingsStore settingsStore,
    LintOptions lintOptions) : SlashCommandHandler
{
    public const string KeepNamesOutOption = "keep-names-out";

    public override ApplicationCommandOption Definition { get; } = PostmortemCommand.Subcommand(
        "export",
        "The postmortem as a Markdown file, ready for GitHub or HackMD",
        new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.Boolean,
            Name = KeepNamesOutOption,
            Description = "For publishing: replace people's names and mentions with neutral words",
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
        var markdown = MarkdownExporter.Export(postmortem, template, new ExportOptions
        {
            TimeZone = settings.TimeZone,
            KeepNamesOut = keepNamesOut,
            OpenFindings = Linter.Lint(postmortem, template, lintOptions),
        });
        var file = new FileUpload(FileName(postmortem), Encoding.UTF8.GetBytes(markdown))
        {
            ContentType = "text/markdown; charset=utf-8",
            Description = DiscordMarkdown.Truncate($"Postmortem #{postmortem.Id}: {postmortem.Title}", 1024),
        };
        await context.EditOriginalAsync(
            new MessagePayload
            {
                Content = $"📄 Postmortem #{postmortem.Id} **{DiscordMarkdown.Escape(postmortem.Title, singleLine: true)}** "
                    + $"({StatusText.Of(postmortem.Status)}) as Markdown{(keepNamesOut ? ", names kept out" : "")}.",
                Files = [file],
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
