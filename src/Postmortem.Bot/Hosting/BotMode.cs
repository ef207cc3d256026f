namespace Postmortem.Bot.Hosting;

/// <summary>Which front end the host runs.</summary>
public enum BotMode
{
    /// <summary>The Discord bot (the default).</summary>
    Discord,

    /// <summary>The terminal front end on standard input and output.</summary>
    Console,

    /// <summary>Operator command: a consistent copy of the database file (from the running bot too).</summary>
    Backup,

    /// <summary>Operator command: every record as JSON lines (docs/storage.md).</summary>
    Dump,

    /// <summary>Operator command: loads a dump into an empty store (the bot stopped).</summary>
    Restore,
}
