using Postmortem.Core.Export;

namespace Postmortem.Terminal.Verbs;

/// <summary>
/// Writes an exported document and its pictures: the pictures first, so the document never links to a missing one,
/// then the document atomically (<see cref="AtomicFile"/>).
/// </summary>
internal static class ExportFiles
{
    // The names the export gives its pictures; older ones of these in the folder are from an earlier export.
    private static readonly string[] _ownPictures = ["timeline.png", "whys*.png", "metric-*.png"];

    public static async Task WriteAsync(string directory, DocumentWithPictures document, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var folders = document.Pictures.Select(a => Path.GetDirectoryName(a.RelativePath)).OfType<string>().Where(f => f.Length > 0).Distinct();
        foreach (var folder in folders)
        {
            var full = Path.Combine(directory, folder);
            Directory.CreateDirectory(full);
            foreach (var stale in _ownPictures.SelectMany(pattern => Directory.EnumerateFiles(full, pattern)).ToList())
            {
                File.Delete(stale);
            }
        }

        foreach (var picture in document.Pictures)
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, picture.RelativePath), picture.Image.Png.ToArray(), cancellationToken);
        }

        await AtomicFile.WriteAsync(Path.Combine(directory, document.FileName), document.Markdown, cancellationToken);
    }
}
