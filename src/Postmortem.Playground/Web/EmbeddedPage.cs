using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Postmortem.Playground.Web;

/// <summary>Serves the page's files (wwwroot/, embedded in this assembly): nothing is read from disk.</summary>
internal static class EmbeddedPage
{
    private static readonly Assembly _assembly = typeof(EmbeddedPage).Assembly;

    private static readonly Dictionary<string, string> _contentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static async Task ServeAsync(HttpContext http, string file)
    {
        await using var stream = _assembly.GetManifestResourceStream("wwwroot/" + file);
        if (stream is null || !_contentTypes.TryGetValue(Path.GetExtension(file), out var contentType))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = contentType;
        // The page is small and changes with the build; the browser asks again each time.
        http.Response.Headers.CacheControl = "no-store";
        await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
