using Microsoft.Extensions.Options;
using Postmortem.Core.Application;
using Postmortem.Core.Guilds;
using Postmortem.Core.Linting;
using Postmortem.Core.Pictures;
using Postmortem.Terminal.Input;
using Postmortem.Terminal.Rendering;

namespace Postmortem.Terminal;

/// <summary>Runs terminal sessions against the engine with the configured user, time zone and limits.</summary>
public sealed class TerminalFrontEnd(
    PostmortemService service,
    IPostmortemRepository repository,
    GuildDefaults defaults,
    IOptions<TerminalOptions> terminalOptions,
    LintOptions lintOptions,
    IPostmortemPictures? pictures = null)
{
    /// <summary>Runs one session to the end of the input (or <c>quit</c>) and returns the exit code.</summary>
    public async Task<int> RunAsync(TerminalConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = terminalOptions.Value;
        var user = string.IsNullOrWhiteSpace(options.User) ? Environment.UserName : options.User.Trim();
        var session = new TerminalSession(
            service,
            repository,
            new TerminalWriter(console.Output, console.UseAnsi),
            new InputReader(console.Input),
            TerminalSession.Person(user),
            new TimeDisplay(defaults.TimeZone),
            lintOptions,
            console.IsInteractive,
            options.ExportDirectory,
            pictures);
        await session.RunAsync(cancellationToken);
        await console.Output.FlushAsync(cancellationToken);
        return options.Strict && session.Failures > 0 ? 1 : 0;
    }
}
