using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Postmortem.Storage.LiteDb;

namespace Postmortem.Bot.Hosting;

/// <summary>
/// The storage adapters the host can run on, chosen by <c>Storage:Provider</c>. Every adapter registers all of
/// Core's storage ports with one call; nothing else in the bot knows which one runs.
/// </summary>
public static class StorageProviders
{
    public const string ConfigurationKey = "Storage:Provider";

    public const string LiteDb = "litedb";

    /// <summary>The adapter used when <see cref="ConfigurationKey"/> is not set.</summary>
    public const string Default = LiteDb;

    private static readonly Dictionary<string, Func<IServiceCollection, IConfiguration, IServiceCollection>> _adapters =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [LiteDb] = (services, configuration) => services.AddLiteDbStorage(configuration),
        };

    /// <summary>The configured provider's name (trimmed), or <see cref="Default"/>.</summary>
    public static string Selected(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[ConfigurationKey] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : Default;
    }

    /// <summary>The one line that tells the operator what to fix, or null when the configured provider is known.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        var selected = Selected(configuration);
        return _adapters.ContainsKey(selected)
            ? null
            : $"{ConfigurationKey} \"{selected}\" is not a storage provider this build knows; use one of: {string.Join(", ", _adapters.Keys)}.";
    }

    /// <summary>Registers the configured adapter.</summary>
    /// <exception cref="InvalidOperationException">The provider is unknown (check <see cref="Problem"/> first).</exception>
    public static IServiceCollection AddConfiguredStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (Problem(configuration) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        return _adapters[Selected(configuration)](services, configuration);
    }
}
