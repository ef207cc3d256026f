using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Postmortem.Core.Application;
using Postmortem.Storage.LiteDb.Engine;

namespace Postmortem.Storage.LiteDb.Operations;

/// <summary>
/// Lets the operator commands reach a running bot: the database file is opened exclusively, so <c>backup</c> and
/// <c>dump</c> from another process ask the bot through a Unix domain socket beside the file
/// (<see cref="SocketPathOf"/>, owner-only permissions). One request per connection, one line each way:
/// <c>backup PATH</c> or <c>dump PATH</c> (absolute paths) → <c>ok BYTES|LINES</c> or <c>error MESSAGE</c>.
/// </summary>
public sealed partial class LiteDbOperatorSocket(LiteDbDatabase database, ILogger<LiteDbOperatorSocket>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? NullLogger<LiteDbOperatorSocket>.Instance;

    /// <summary>The socket of the bot that has <paramref name="databasePath"/> open.</summary>
    public static string SocketPathOf(string databasePath) => Path.GetFullPath(databasePath) + ".sock";

    /// <summary>Sends one request to the bot that has the database open; null when no bot listens there.</summary>
    public static async Task<string?> TryAskAsync(string databasePath, string request, CancellationToken cancellationToken = default)
    {
        var path = SocketPathOf(databasePath);
        if (!Socket.OSSupportsUnixDomainSockets || !File.Exists(path))
        {
            return null;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        }
        catch (SocketException)
        {
            // A socket file left by a bot that was killed: nobody listens.
            return null;
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
        await writer.WriteLineAsync(request.AsMemory(), cancellationToken);
        return await reader.ReadLineAsync(cancellationToken) ?? "error the bot closed the connection without an answer";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Socket.OSSupportsUnixDomainSockets)
        {
            return;
        }

        var path = SocketPathOf(database.Location);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // The file is locked by this process, so a socket file here is a leftover of a killed bot.
            File.Delete(path);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows())
            {
                // Only the bot's own user may ask it to write files.
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            listener.Listen(4);
        }
        catch (Exception exception) when (exception is SocketException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            LogUnavailable(_logger, path, exception.Message);
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var connection = await listener.AcceptAsync(stoppingToken);
                _ = ServeAsync(connection, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task ServeAsync(Socket connection, CancellationToken stoppingToken)
    {
        using (connection)
        {
            try
            {
                await using var stream = new NetworkStream(connection, ownsSocket: false);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
                var request = await reader.ReadLineAsync(stoppingToken) ?? "";
                await writer.WriteLineAsync(await AnswerAsync(request, stoppingToken));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // The operator's command went away; nothing to answer.
            }
        }
    }

    private async Task<string> AnswerAsync(string request, CancellationToken cancellationToken)
    {
        var space = request.IndexOf(' ', StringComparison.Ordinal);
        var (verb, target) = space < 0 ? (request, "") : (request[..space], request[(space + 1)..]);
        if (!Path.IsPathFullyQualified(target))
        {
            return "error the request needs an absolute path";
        }

        try
        {
            switch (verb)
            {
                case "backup":
                    var bytes = await database.BackupAsync(target, cancellationToken);
                    LogServed(_logger, verb, target);
                    return "ok " + bytes.ToString(CultureInfo.InvariantCulture);
                case "dump":
                    long lines;
                    await using (var file = new StreamWriter(target, append: false, new UTF8Encoding(false)))
                    {
                        lines = await LiteDbDump.WriteAsync(database, file, cancellationToken);
                    }

                    LogServed(_logger, verb, target);
                    return "ok " + lines.ToString(CultureInfo.InvariantCulture);
                default:
                    return $"error unknown request \"{verb}\"";
            }
        }
        catch (Exception exception) when (exception is StorageException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "error " + exception.Message.ReplaceLineEndings(" ");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator socket {Path} is not available ({Problem}); backup and dump work only while the bot is stopped")]
    private static partial void LogUnavailable(ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator request served: {Verb} to {Target}")]
    private static partial void LogServed(ILogger logger, string verb, string target);
}
