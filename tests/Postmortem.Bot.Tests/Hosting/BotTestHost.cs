using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Postmortem.Bot.Hosting;
using Postmortem.Terminal;
using Postmortem.Testing;

namespace Postmortem.Bot.Tests.Hosting;

/// <summary>
/// The real host, wired by the same <see cref="BotHostBuilderExtensions.AddPostmortemBot"/> call as Program.cs,
/// with configuration from the test only (no environment variables, user-secrets or appsettings of the machine).
/// </summary>
public static class BotTestHost
{
    public static IHost Build(
        BotMode mode,
        IDictionary<string, string?> configuration,
        string contentRoot,
        TerminalConsole? console = null,
        IReadOnlyList<string>? args = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = contentRoot,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Configuration.AddBotSources(builder.Environment, args ?? []);
        builder.AddPostmortemBot(mode);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 12, 0, 0, TimeSpan.Zero)));
        if (console is not null)
        {
            builder.Services.AddSingleton(console);
        }

        return builder.Build();
    }
}
