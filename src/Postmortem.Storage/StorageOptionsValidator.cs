using Microsoft.Extensions.Options;

namespace Postmortem.Storage;

/// <summary>Fails startup with one clear line when the storage settings cannot work.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add("Storage:DatabasePath is required (for example data/postmortems.db).");
        }
        else if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Storage:DatabasePath \"{options.DatabasePath}\" contains characters that are not valid in a path.");
        }
        else if (options.DatabasePath.StartsWith(':') || options.DatabasePath.Contains("mode=memory", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Storage:DatabasePath must be a file; in-memory databases lose every answer on restart.");
        }

        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Storage:BusyTimeout must be between 0 and 1 minute (was {options.BusyTimeout}).");
        }

        if (options.BusyRetries is < 0 or > 10)
        {
            failures.Add($"Storage:BusyRetries must be between 0 and 10 (was {options.BusyRetries}).");
        }

        if (options.CachedPostmortems is < 0 or > 10_000)
        {
            failures.Add($"Storage:CachedPostmortems must be between 0 and 10000 (was {options.CachedPostmortems}).");
        }

        if (options.CheckpointInterval <= TimeSpan.Zero || options.CheckpointInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Storage:CheckpointInterval must be between 0 and 1 hour (was {options.CheckpointInterval}).");
        }

        if (options.WalAutoCheckpointPages is < 100 or > 1_000_000)
        {
            failures.Add($"Storage:WalAutoCheckpointPages must be between 100 and 1000000 (was {options.WalAutoCheckpointPages}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
