namespace Postmortem.Bot.Hosting;

/// <summary>Which front end the host runs.</summary>
public enum BotMode
{
    /// <summary>The Discord bot (the default).</summary>
    Discord,

    /// <summary>The terminal front end on standard input and output.</summary>
    Console,
}
