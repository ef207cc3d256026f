using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Postmortem.Bot.Hosting;

public static class BotLoggingExtensions
{
    /// <summary>
    /// One-line console logs. In console mode the terminal owns standard output, so logs go to standard error
    /// and only warnings and errors are shown.
    /// </summary>
    public static ILoggingBuilder AddBotLogging(this ILoggingBuilder logging, BotMode mode)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
        if (mode == BotMode.Console)
        {
            logging.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            logging.AddFilter(category: null, LogLevel.Warning);
            logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        }

        return logging;
    }
}
