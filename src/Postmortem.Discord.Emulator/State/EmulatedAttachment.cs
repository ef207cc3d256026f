using System.Text;

namespace Postmortem.Discord.Emulator;

/// <summary>A file on a message, with its bytes so tests can read what the bot uploaded.</summary>
public sealed record EmulatedAttachment(ulong Id, string FileName, string ContentType, byte[] Content, string? Description)
{
    /// <summary>The content decoded as UTF-8 (most bot uploads are text: markdown, logs).</summary>
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>A file a test user attaches to a message it posts.</summary>
public sealed record FileUpload(string FileName, byte[] Content, string ContentType = "application/octet-stream")
{
    public static FileUpload FromText(string fileName, string text) =>
        new(fileName, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");
}
