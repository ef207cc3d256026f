using Postmortem.Core.Guilds;
using Postmortem.Storage.LiteDb.ActionItems;
using Postmortem.Storage.LiteDb.Chat;
using Postmortem.Storage.LiteDb.Engine;
using Postmortem.Storage.LiteDb.GuildSettings;
using Postmortem.Storage.LiteDb.Postmortems;
using Postmortem.Storage.LiteDb.Reminders;
using Postmortem.Testing.Storage;

namespace Postmortem.Storage.LiteDb.Tests.Support;

/// <summary>A LiteDB file in its own temp folder and every port over it; the folder is deleted when disposed.</summary>
internal sealed class TestLiteDb : IDisposable
{
    private bool _ownsFolder;

    private TestLiteDb(string folder, bool ownsFolder, LiteDbDatabase database, GuildDefaults? guildDefaults, int cachedPostmortems)
    {
        Folder = folder;
        _ownsFolder = ownsFolder;
        Database = database;
        GuildDefaults = guildDefaults;
        CachedPostmortems = cachedPostmortems;
        Ports = PortsOver(database, guildDefaults, cachedPostmortems);
    }

    public string Folder { get; }

    public string FilePath => Path.Combine(Folder, "postmortems.litedb");

    public LiteDbDatabase Database { get; }

    public GuildDefaults? GuildDefaults { get; }

    public int CachedPostmortems { get; }

    public StoragePorts Ports { get; }

    public static TestLiteDb Create(GuildDefaults? guildDefaults = null, int cachedPostmortems = 64)
    {
        var folder = Path.Combine(Path.GetTempPath(), "postmortem-litedb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestLiteDb(folder, ownsFolder: true, new LiteDbDatabase(Path.Combine(folder, "postmortems.litedb")), guildDefaults, cachedPostmortems);
    }

    /// <summary>Closes this database (checkpoint, files closed) and opens the same file again, as after a restart; the new one owns the folder.</summary>
    public TestLiteDb Restart()
    {
        Database.Dispose();
        var restarted = new TestLiteDb(Folder, _ownsFolder, new LiteDbDatabase(FilePath), GuildDefaults, CachedPostmortems);
        _ownsFolder = false;
        return restarted;
    }

    /// <summary>New port objects (with empty caches) over the same database.</summary>
    public StoragePorts Connect() => PortsOver(Database, GuildDefaults, CachedPostmortems);

    public static StoragePorts PortsOver(LiteDbDatabase database, GuildDefaults? guildDefaults = null, int cachedPostmortems = 64) => new(
        new LiteDbPostmortemRepository(database, cachedPostmortems),
        new LiteDbActionItemQueries(database),
        new LiteDbReminderScheduleStore(database),
        new LiteDbReminderSettingsStore(database),
        new LiteDbScheduledRunStore(database),
        new LiteDbReviewMeetingStore(database),
        new LiteDbStaleNudgeStore(database),
        new LiteDbDmChannelStore(database),
        new LiteDbChatLinkStore(database),
        new LiteDbGuildSettingsStore(database, defaults: guildDefaults));

    public void Dispose()
    {
        Database.Dispose();
        if (_ownsFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
