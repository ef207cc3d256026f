using Microsoft.Extensions.Hosting;
using Postmortem.Bot.DiscordMode;
using Postmortem.Bot.Engine;
using Postmortem.Charts;
using Postmortem.Terminal;

namespace Postmortem.Bot.Hosting;

public static class BotHostBuilderExtensions
{
    /// <summary>The layers of the bot: logging, the engine, the configured storage adapter (<see cref="StorageProviders"/>), the pictures and the front end of the mode.</summary>
    public static HostApplicationBuilder AddPostmortemBot(this HostApplicationBuilder builder, BotMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddBotLogging(mode);
        builder.Services.AddPostmortemEngine();
        builder.Services.AddConfiguredStorage(builder.Configuration);
        builder.Services.AddPostmortemCharts();
        _ = mode switch
        {
            BotMode.Console => builder.Services.AddTerminal(),
            _ => builder.Services.AddDiscordMode(builder.Configuration),
        };
        return builder;
    }
}
