using System.Net;
using Postmortem.Discord.Emulator.Tests.Support;

namespace Postmortem.Discord.Emulator.Tests;

/// <summary>reference.mdx "Uploading Files": file count, per-file size limit, named and unique files[n] parts.</summary>
public sealed class UploadRulesTests
{
    [Fact]
    public async Task Upload_OfTenFiles_IsAccepted_AndKeepsEveryFile()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);

        var response = await rest.PostPartsAsync($"channels/{channel.Id}/messages", Json.Message("pictures"), Files(10, bytes: 100));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(10, Assert.Single(channel.Messages).Attachments.Count);
        Assert.Empty(emulator.Violations);
    }

    [Fact]
    public async Task Upload_OfElevenFiles_IsRefused_AndAViolation()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);

        var response = await rest.PostPartsAsync($"channels/{channel.Id}/messages", Json.Message("pictures"), Files(11, bytes: 100));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", Json.ErrorCode(response.Json, "files"));
        Assert.Empty(channel.Messages);
        Assert.Contains(emulator.Violations, v => v.Reason.Contains("11 files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_OverThePerFileLimit_Is413WithCode40005()
    {
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { MaxUploadBytes = 4096 });
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);

        // Each file is at the limit, together far above it: the limit is per file.
        var atLimit = await rest.PostPartsAsync($"channels/{channel.Id}/messages", Json.Message("ok"), Files(3, bytes: 4096));
        var over = await rest.PostPartsAsync($"channels/{channel.Id}/messages", Json.Message("too big"), Files(1, bytes: 4097));

        Assert.Equal(HttpStatusCode.OK, atLimit.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.Status);
        Assert.Equal(40005, over.Code);
        Assert.Single(channel.Messages);
        Assert.Contains(emulator.Violations, v => v.Reason.Contains("4097 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_WithoutAFileName_IsRefused()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);

        var response = await rest.PostPartsAsync($"channels/{channel.Id}/messages", Json.Message("x"), ("files[0]", null, [1, 2, 3]));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(emulator.Violations, v => v.Reason.Contains("files[0] has no filename", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_WithTheSamePartNameTwice_IsRefused()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var channel = emulator.CreateGuild("g").CreateTextChannel("general");
        using var rest = new RawRest(emulator);

        var response = await rest.PostPartsAsync($"channels/{channel.Id}/messages", Json.Message("x"),
            ("files[0]", "a.png", [1]), ("files[0]", "b.png", [2]));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(emulator.Violations, v => v.Reason.Contains("'files[0]' is used 2 times", StringComparison.Ordinal));
    }

    private static (string Part, string? FileName, byte[] Bytes)[] Files(int count, int bytes) =>
        [.. Enumerable.Range(0, count).Select(i => ($"files[{i}]", (string?)$"picture-{i}.png", new byte[bytes]))];
}
