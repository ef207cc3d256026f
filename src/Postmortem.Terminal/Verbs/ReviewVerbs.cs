using Postmortem.Core.Export;
using Postmortem.Core.Linting;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Text;
using Postmortem.Terminal.Input;
using Postmortem.Terminal.Rendering;

namespace Postmortem.Terminal.Verbs;

/// <summary>Checking the postmortem against the template and exporting it as Markdown.</summary>
public static class ReviewVerbs
{
    public static readonly Verb Lint = new("lint", "lint", "List what the postmortem does not do yet, with how to fix each.", LintAsync);

    public static readonly Verb Export = new(
        "export",
        "export [--no-names] [--no-pictures] <file.md>",
        "Write the postmortem as Markdown, its pictures in <file>.assets/; --no-names keeps people's names out of the narrative.",
        ExportAsync)
    {
        Options = [OptionSpec.Flag("--no-names"), OptionSpec.Flag("--no-pictures")],
    };

    // A folder has no attachment limit; this only bounds how many branch pictures a huge tree gets.
    private const int MaxPictures = 50;

    public static IReadOnlyList<Verb> All { get; } = [Lint, Export];

    private static async Task<bool> LintAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        FindingsView.Write(session.Out, Linter.Lint(postmortem, session.TemplateFor(postmortem), session.LintOptions));
        return true;
    }

    private static async Task<bool> ExportAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var file = arguments.TextFrom(0);
        if (file.Length == 0)
        {
            return session.Usage(Export);
        }

        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        var template = session.TemplateFor(postmortem);
        // Findings are listed even for a final postmortem: there they are the known gaps it was finalized with.
        var findings = Linter.Lint(postmortem, template, session.LintOptions);
        var options = new ExportOptions
        {
            TimeZone = session.Time.Zone,
            KeepNamesOut = arguments.Has("--no-names"),
            OpenFindings = findings,
        };

        string path;
        try
        {
            path = Path.GetFullPath(file, session.ExportDirectory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return session.Fail($"Could not write {file}: {ex.Message}");
        }

        var name = Path.GetFileName(path);
        if (name.Length == 0)
        {
            return session.Fail($"Name the file to write, e.g. export {file.TrimEnd('/', '\\')}/postmortem.md");
        }

        var document = session.Pictures is { } pictures && !arguments.Has("--no-pictures")
            ? ExportBundle.InFolder(postmortem, template, options, pictures, name, MaxPictures)
            : new DocumentWithPictures(name, MarkdownExporter.Export(postmortem, template, options), []);
        try
        {
            await ExportFiles.WriteAsync(Path.GetDirectoryName(path) ?? session.ExportDirectory, document, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return session.Fail($"Could not write {file}: {ex.Message}");
        }

        var pictureNote = document.Pictures.Count == 0 ? "" : $" with {Counted.Of(document.Pictures.Count, "picture")} in {Path.GetDirectoryName(document.Pictures[0].RelativePath)}/";
        var listed = postmortem.Status == PostmortemStatus.Final ? "known gap(s)" : "open finding(s)";
        var open = findings.Count == 0 ? "" : $"; {findings.Count} {listed} listed at the end";
        session.Out.Ok($"Exported #{postmortem.Id} to {path}{pictureNote}{open}.");
        return true;
    }
}
