using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Postmortem.Storage.Migrations;

/// <summary>One numbered schema change, applied once in its own transaction.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "Migrations/";

    private static readonly Lazy<IReadOnlyList<Migration>> _embedded =
        new(() => FromAssembly(typeof(Migration).Assembly));

    /// <summary>The migrations shipped in this project's Migrations folder (0001_*.sql, 0002_*.sql, ...).</summary>
    public static IReadOnlyList<Migration> Embedded => _embedded.Value;

    /// <summary>
    /// Reads the embedded resources named <c>Migrations/NNNN_name.sql</c>. Versions must run 1, 2, 3... without
    /// gaps or duplicates, so a misnamed file fails the first test run instead of a production start.
    /// </summary>
    public static IReadOnlyList<Migration> FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var match = FileName().Match(resource[ResourcePrefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Migration resource '{resource}' must be named NNNN_lower_snake_name.sql (e.g. 0002_reminders.sql).");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migrations must be numbered 1, 2, 3... without gaps or duplicates; expected {i + 1} but found "
                    + $"{migrations[i].Version:0000}_{migrations[i].Name}.");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
