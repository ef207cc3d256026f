namespace Postmortem.Core.Pictures;

/// <summary>
/// A rendered picture of part of a postmortem: PNG bytes, their pixel size, a file name (ASCII letters, digits,
/// dashes and dots, so it works as a chat attachment name and a relative link) and alt text for people who cannot
/// see it.
/// </summary>
public sealed record PostmortemImage(string FileName, string AltText, ReadOnlyMemory<byte> Png, int Width, int Height);
