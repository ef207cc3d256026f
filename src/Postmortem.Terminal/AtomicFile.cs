using System.Text;

namespace Postmortem.Terminal;

/// <summary>
/// Writes a file so that readers see the old content or the new one, never a half-written or empty file: the text
/// goes to a temporary file beside the target, which then replaces it in one rename.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates the folder if needed; on any failure the target is untouched and the temporary file removed.</summary>
    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(text);
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Encode first: text that cannot be written fails here, before any file exists.
        var bytes = _utf8.GetBytes(text);
        var temporary = Path.Combine(directory ?? "", $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
