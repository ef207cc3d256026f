namespace Postmortem.Bot.Hosting;

/// <summary>Which front end the host runs.</summary>
public enum BotMode
{
    /// <summary>The Discord bot (the default).</summary>
    Discord,

    /// <summary>The terminal front end on standard input and output.</summary>
    Console,

    /// <summary>The bot against the built-in fake Discord, with a Discord-like page in the browser (no token needed).</summary>
    Playground,

    /// <summary>Operator command: a consistent copy of the database file (from the running bot too).</summary>
    Backup,

    /// <summary>Operator command: every record as JSON lines (docs/storage.md).</summary>
    Dump,

    /// <summary>Operator command: loads a dump into an empty store (the bot stopped).</summary>
    Restore,
}
