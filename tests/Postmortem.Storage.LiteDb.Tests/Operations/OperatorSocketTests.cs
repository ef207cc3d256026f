using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Postmortem.Core.Chat;
using Postmortem.Storage.LiteDb.Engine;
using Postmortem.Storage.LiteDb.Operations;
using Postmortem.Storage.LiteDb.Tests.Support;

namespace Postmortem.Storage.LiteDb.Tests.Operations;

/// <summary>Backups and dumps from another process reach the running bot through its socket.</summary>
public sealed class OperatorSocketTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pm-socket-").FullName;

    private string DatabasePath => Path.Combine(_folder, "postmortems.litedb");

    [Fact]
    public async Task Backup_AskedOfTheRunningHost_IsAConsistentCopyThatOpens()
    {
        using (var host = await StartHostAsync())
        {
            await host.Services.GetRequiredService<IDmChannelStore>().SaveAsync("user-1", "dm-1", DateTimeOffset.UnixEpoch);
            var target = Path.Combine(_folder, "copy.litedb");

            var answer = await LiteDbOperatorSocket.TryAskAsync(DatabasePath, "backup " + target);

            Assert.StartsWith("ok ", answer, StringComparison.Ordinal);
            Assert.Equal(new FileInfo(target).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), answer![3..]);
            using var copy = new LiteDbDatabase(target);
            Assert.Equal(new Dictionary<string, string> { ["user-1"] = "dm-1" }, await TestLiteDb.PortsOver(copy).DmChannels.LoadAllAsync());
            await host.StopAsync();
        }

        Assert.False(File.Exists(LiteDbOperatorSocket.SocketPathOf(DatabasePath)), "The socket goes away with the host.");
        Assert.Null(await LiteDbOperatorSocket.TryAskAsync(DatabasePath, "backup " + Path.Combine(_folder, "late.litedb")));
    }

    [Fact]
    public async Task ARequestWithoutAnAbsolutePath_IsAnErrorAndWritesNothing()
    {
        using var host = await StartHostAsync();

        var answer = await LiteDbOperatorSocket.TryAskAsync(DatabasePath, "backup relative.litedb");

        Assert.Equal("error the request needs an absolute path", answer);
        await host.StopAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task<IHost> StartHostAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = DatabasePath });
        builder.Services.AddLiteDbStorage(builder.Configuration);
        var host = builder.Build();
        // The socket is bound before the service's first await, so it listens once StartAsync returned.
        await host.StartAsync();
        return host;
    }
}
