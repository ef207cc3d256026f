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
}
