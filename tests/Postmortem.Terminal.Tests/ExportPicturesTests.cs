using System.Buffers.Binary;

namespace Postmortem.Terminal.Tests;

/// <summary>export writes NAME.md and NAME.assets/*.png, linked from the document with relative paths.</summary>
public sealed class ExportPicturesTests : IDisposable
{
    private const string Script = """
        new "Incremental compilation ICE in 1.52.0" --severity high --started "2026-05-06 09:00"
        timeline add 2026-05-06 09:00 start 1.52.0 released to stable
        timeline add 2026-05-06T15:00Z detected First error reports filed
        timeline add 2026-05-09 12:00 mitigated 1.52.1 released with incremental compilation disabled
        metric table Fingerprint error reports per day
        | Day | Reports |
        | --- | --- |
        | Thursday | 3 |
        | Friday | 12 |
        .
        why ask Why did the beta channel fail as a canary for 1.52.0?
        why answer 1 CI services did not hit the error.
        why root 1a
        """;

    private readonly TerminalHarness _harness = new(timeZone: "Europe/Berlin", pictures: true);

    [Fact]
    public async Task Export_WritesTheDocumentAndItsPictures_LinkedRelatively()
    {
        var run = await _harness.RunAsync(Script + "\nexport out/pm.md\n");

        Assert.Empty(run.Errors);
        Assert.Contains(run.Lines, l => l.Contains("with 3 pictures in pm.assets/", StringComparison.Ordinal));
        var markdown = await File.ReadAllTextAsync(_harness.PathFor("out/pm.md"));
        foreach (var picture in new[] { "timeline.png", "whys.png", "metric-1.png" })
        {
            Assert.Contains($"](pm.assets/{picture})", markdown, StringComparison.Ordinal);
            var (width, height) = PngSize(await File.ReadAllBytesAsync(_harness.PathFor("out/pm.assets/" + picture)));
            Assert.InRange(width, 400, 8000);
            Assert.InRange(height, 150, 8000);
        }

        Assert.Contains("![Timeline chart of postmortem #1: 3 entries from 2026-05-06 09:00", markdown, StringComparison.Ordinal);
        Assert.Contains("(Europe/Berlin)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithNoPictures_WritesTheDocumentOnly()
    {
        var run = await _harness.RunAsync(Script + "\nexport --no-pictures out/pm.md\n");

        Assert.Empty(run.Errors);
        Assert.DoesNotContain("![", await File.ReadAllTextAsync(_harness.PathFor("out/pm.md")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_harness.PathFor("out/pm.assets")));
    }

    [Fact]
    public async Task Export_Again_ReplacesPicturesOfTheEarlierExport()
    {
        await _harness.RunAsync(Script + "\nexport out/pm.md\n");
        File.WriteAllBytes(_harness.PathFor("out/pm.assets/whys-1.png"), [1, 2, 3]);
        File.WriteAllText(_harness.PathFor("out/pm.assets/notes.txt"), "mine");

        var run = await _harness.RunAsync("open 1\nexport out/pm.md\n");

        Assert.Empty(run.Errors);
        Assert.False(File.Exists(_harness.PathFor("out/pm.assets/whys-1.png")));
        Assert.True(File.Exists(_harness.PathFor("out/pm.assets/notes.txt")));
        Assert.True(File.Exists(_harness.PathFor("out/pm.assets/whys.png")));
    }

    [Fact]
    public async Task Export_ToAFolderName_AsksForAFileName()
    {
        var run = await _harness.RunAsync(Script + "\nexport out/\n");

        Assert.Contains(run.Errors, e => e.Contains("Name the file to write", StringComparison.Ordinal));
    }

    public void Dispose() => _harness.Dispose();

    // The IHDR chunk right after the signature holds width and height, big-endian.
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
