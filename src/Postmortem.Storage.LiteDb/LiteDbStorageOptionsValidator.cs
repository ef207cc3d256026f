using Microsoft.Extensions.Options;

namespace Postmortem.Storage.LiteDb;

/// <summary>Fails startup with one clear line when the storage settings cannot work.</summary>
public sealed class LiteDbStorageOptionsValidator : IValidateOptions<LiteDbStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, LiteDbStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add("Storage:DatabasePath is required (for example data/postmortems.litedb).");
        }
        else if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Storage:DatabasePath \"{options.DatabasePath}\" contains characters that are not valid in a path.");
        }
        else if (options.DatabasePath.StartsWith(':'))
        {
            failures.Add("Storage:DatabasePath must be a file; in-memory databases lose every answer on restart.");
        }
        else if (Directory.Exists(options.DatabasePath))
        {
            failures.Add($"Storage:DatabasePath \"{options.DatabasePath}\" is a folder; name the database file inside it.");
        }

        if (options.CheckpointInterval <= TimeSpan.Zero || options.CheckpointInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Storage:CheckpointInterval must be between 0 and 1 hour (was {options.CheckpointInterval}).");
        }

        if (options.CheckpointLogBytes is < 1L << 20 or > 1L << 30)
        {
            failures.Add($"Storage:CheckpointLogBytes must be between 1 MiB and 1 GiB (was {options.CheckpointLogBytes}).");
        }

        if (options.CachedPostmortems is < 0 or > 10_000)
        {
            failures.Add($"Storage:CachedPostmortems must be between 0 and 10000 (was {options.CachedPostmortems}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
