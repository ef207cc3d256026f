using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Postmortem.Terminal;

public static class TerminalServiceCollectionExtensions
{
    /// <summary>
    /// The terminal front end on the process's standard input and output (replace <see cref="TerminalConsole"/>
    /// to drive it from elsewhere), with <see cref="TerminalOptions"/> from the "Terminal" section.
    /// </summary>
    public static IServiceCollection AddTerminal(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TerminalOptions>().BindConfiguration(TerminalOptions.SectionName);
        services.TryAddSingleton(_ => TerminalConsole.FromSystemConsole());
        services.TryAddSingleton<TerminalExitCode>();
        services.TryAddSingleton<TerminalFrontEnd>();
        services.AddHostedService<TerminalHostedService>();
        return services;
    }
}
