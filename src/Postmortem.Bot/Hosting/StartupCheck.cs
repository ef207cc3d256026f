using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Postmortem.Core.Templates;

namespace Postmortem.Bot.Hosting;

/// <summary>
/// What must hold before the host starts: every validated option and the template file. Checked up front so a
/// configuration mistake ends the process with one clear line per problem rather than a logged stack trace.
/// </summary>
public static class StartupCheck
{
    /// <returns>The problems, one line each; empty when the host can start.</returns>
    public static IReadOnlyList<string> Run(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            return Distinct(ex.Failures);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return Distinct(ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        }

        try
        {
            _ = services.GetService<ITemplateCatalog>();
        }
        catch (TemplateException ex)
        {
            return [ex.Message];
        }

        return [];
    }

    private static string[] Distinct(IEnumerable<string> failures) => [.. failures.Distinct(StringComparer.Ordinal)];
}
