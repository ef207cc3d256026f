using Microsoft.Extensions.Options;
using Postmortem.Core.Templates;

namespace Postmortem.Bot.Engine;

/// <summary>
/// The template catalog of this deployment: the configured template file, read and parsed once. Reading files
/// is I/O, so it lives in the host; the engine only parses.
/// </summary>
public sealed class FileTemplateCatalog : ITemplateCatalog
{
    private readonly TemplateCatalog _catalog;

    /// <exception cref="TemplateException">The file is missing, unreadable or not a usable template.</exception>
    public FileTemplateCatalog(IOptions<PostmortemOptions> options)
        : this(options?.Value.TemplatePath ?? throw new ArgumentNullException(nameof(options)), AppContext.BaseDirectory)
    {
    }

    /// <exception cref="TemplateException">The file is missing, unreadable or not a usable template.</exception>
    public FileTemplateCatalog(string templatePath, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templatePath);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        Path = Resolve(templatePath, baseDirectory);
        string json;
        try
        {
            json = File.ReadAllText(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException(Path, $"the file cannot be read ({ex.Message})", ex);
        }

        _catalog = new TemplateCatalog(TemplateParser.Parse(json, Path));
    }

    /// <summary>The full path of the template file that was loaded.</summary>
    public string Path { get; }

    public PostmortemTemplate Default => _catalog.Default;

    public PostmortemTemplate? Find(string templateId) => _catalog.Find(templateId);

    private static string Resolve(string templatePath, string baseDirectory)
    {
        if (System.IO.Path.IsPathRooted(templatePath))
        {
            return File.Exists(templatePath)
                ? templatePath
                : throw new TemplateException(templatePath, "the file does not exist (check Postmortem:TemplatePath).");
        }

        string[] candidates =
        [
            System.IO.Path.GetFullPath(templatePath, baseDirectory),
            System.IO.Path.GetFullPath(templatePath, Directory.GetCurrentDirectory()),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new TemplateException(
                templatePath,
                $"the file does not exist (looked in {string.Join(" and ", candidates.Distinct(StringComparer.Ordinal))}; check Postmortem:TemplatePath).");
    }
}
