using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Postmortem.Bot.Hosting;

public static class BotConfigurationExtensions
{
    /// <summary>
    /// Completes the default sources (appsettings.json, environment variables, command line): user-secrets in
    /// every environment, since a bot started with <c>dotnet run</c> runs as Production, and the command-line
    /// switches <see cref="BotCommandLine.SwitchMappings"/>. Environment variables and the command line keep
    /// precedence over user-secrets.
    /// </summary>
    public static IConfigurationManager AddBotSources(this IConfigurationManager configuration, IHostEnvironment environment, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(args);
        if (!environment.IsDevelopment())
        {
            configuration.AddUserSecrets(typeof(BotConfigurationExtensions).Assembly, optional: true, reloadOnChange: false);
            configuration.AddEnvironmentVariables();
        }

        configuration.AddCommandLine([.. args], BotCommandLine.SwitchMappings.ToDictionary(StringComparer.OrdinalIgnoreCase));
        return configuration;
    }
}
