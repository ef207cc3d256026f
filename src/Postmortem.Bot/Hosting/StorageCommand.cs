using Microsoft.Extensions.Configuration;
using Postmortem.Core.Application;
using Postmortem.Storage.LiteDb;
using Postmortem.Storage.LiteDb.Engine;
using Postmortem.Storage.LiteDb.Operations;

namespace Postmortem.Bot.Hosting;

/// <summary>
/// The operator commands on the store (docs/storage.md): <c>backup FILE</c> and <c>dump [FILE]</c> ask the running
/// bot through its socket when one has the database open (LiteDB opens the file exclusively), else open the file
/// themselves; <c>restore FILE</c> needs the bot stopped and an empty store. Exit code 0 on success, 1 with one
/// line on <c>errors</c> otherwise.
/// </summary>
public static class StorageCommand
{
    public static async Task<int> RunAsync(
        BotCommandLine commandLine,
        IConfiguration configuration,
        string contentRoot,
        TextWriter output,
        TextWriter errors,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (StorageProviders.Selected(configuration) != StorageProviders.LiteDb)
        {
            await errors.WriteLineAsync($"{commandLine.Mode.ToString().ToLowerInvariant()} works on the {StorageProviders.LiteDb} store only.");
            return 1;
        }

        var options = new LiteDbStorageOptions();
        configuration.GetSection(LiteDbStorageOptions.SectionName).Bind(options);
        if (new LiteDbStorageOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            foreach (var failure in invalid.Failures)
            {
                await errors.WriteLineAsync(failure);
            }

            return 1;
        }

        var databasePath = LiteDbStorageServiceCollectionExtensions.ResolvePath(options.DatabasePath, contentRoot);
        var target = commandLine.Operand is { } operand ? Path.GetFullPath(operand) : null;
        try
        {
            return commandLine.Mode switch
            {
                BotMode.Backup => await BackupAsync(databasePath, target!, output, errors, cancellationToken),
                BotMode.Dump => await DumpAsync(databasePath, target, output, errors, cancellationToken),
                BotMode.Restore => await RestoreAsync(databasePath, target!, output, errors, cancellationToken),
                _ => throw new ArgumentException($"{commandLine.Mode} is not a storage command.", nameof(commandLine)),
            };
        }
        catch (Exception exception) when (exception is StorageException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            await errors.WriteLineAsync(exception.Message);
            return 1;
        }
    }

    private static async Task<int> BackupAsync(string databasePath, string target, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (await LiteDbOperatorSocket.TryAskAsync(databasePath, "backup " + target, cancellationToken) is { } answer)
        {
            return await ReportAsync(answer, $"Backup of {databasePath} written by the running bot to {target}", "bytes", output, errors);
        }

        using var database = new LiteDbDatabase(databasePath);
        var bytes = await database.BackupAsync(target, cancellationToken);
        await output.WriteLineAsync($"Backup of {databasePath} written to {target} ({bytes} bytes).");
        return 0;
    }

    private static async Task<int> DumpAsync(string databasePath, string? target, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (target is not null && await LiteDbOperatorSocket.TryAskAsync(databasePath, "dump " + target, cancellationToken) is { } answer)
        {
            return await ReportAsync(answer, $"Dump of {databasePath} written by the running bot to {target}", "records", output, errors);
        }

        using var database = new LiteDbDatabase(databasePath);
        if (target is null)
        {
            await LiteDbDump.WriteAsync(database, output, cancellationToken);
            return 0;
        }

        long records;
        await using (var file = new StreamWriter(target, append: false, new System.Text.UTF8Encoding(false)))
        {
            records = await LiteDbDump.WriteAsync(database, file, cancellationToken);
        }

        await output.WriteLineAsync($"Dump of {databasePath} written to {target} ({records} records).");
        return 0;
    }

    private static async Task<int> RestoreAsync(string databasePath, string source, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!File.Exists(source))
        {
            await errors.WriteLineAsync($"restore: {source} does not exist.");
            return 1;
        }

        using var reader = new StreamReader(source);
        using var database = new LiteDbDatabase(databasePath);
        var records = await LiteDbDump.RestoreAsync(database, reader, cancellationToken);
        await output.WriteLineAsync($"Restored {records} records from {source} into {databasePath}.");
        return 0;
    }

    private static async Task<int> ReportAsync(string answer, string done, string unit, TextWriter output, TextWriter errors)
    {
        if (answer.StartsWith("ok ", StringComparison.Ordinal))
        {
            await output.WriteLineAsync($"{done} ({answer[3..]} {unit}).");
            return 0;
        }

        await errors.WriteLineAsync(answer.StartsWith("error ", StringComparison.Ordinal) ? answer[6..] : answer);
        return 1;
    }
}
