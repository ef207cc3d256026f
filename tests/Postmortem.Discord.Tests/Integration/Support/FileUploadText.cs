using System.Text;
using Postmortem.Discord.Models;

namespace Postmortem.Discord.Tests.Integration.Support;

internal static class FileUploadText
{
    /// <summary>A UTF-8 text file to upload with a message.</summary>
    public static FileUpload AsFile(this string text, string fileName) =>
        new(fileName, Encoding.UTF8.GetBytes(text)) { ContentType = "text/plain; charset=utf-8" };
}
