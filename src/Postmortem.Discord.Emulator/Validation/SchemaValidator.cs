using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>A field the published schema rejected.</summary>
internal sealed record SchemaError(IReadOnlyList<string> Path, string Code, string Message);

/// <summary>
/// Checks request bodies against Discord's Zod schemas (npm discord-api-spec) by talking to
/// <c>schema/validate.mjs</c>: one long-lived node process per test run, one JSON line per request.
/// </summary>
internal sealed class SchemaValidator : IDisposable
{
    private static readonly TimeSpan _answerTimeout = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _directory;
    private Process? _process;
    private long _nextId;

    private SchemaValidator(string directory)
    {
        _directory = directory;
    }

    /// <summary>Shared by every emulator in the process: node starts once, on first use.</summary>
    public static SchemaValidator Shared { get; } = CreateShared();

    public async Task<IReadOnlyList<SchemaError>> ValidateAsync(string operation, JsonNode? body, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var process = EnsureStarted();
            var id = ++_nextId;
            var request = new JsonObject { ["id"] = id, ["operation"] = operation, ["body"] = body?.DeepClone() };
            await process.StandardInput.WriteLineAsync(request.ToJsonString());
            await process.StandardInput.FlushAsync(cancellationToken);
            while (true)
            {
                string? line;
                try
                {
                    line = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(_answerTimeout, cancellationToken);
                }
                catch (TimeoutException)
                {
                    Stop();
                    throw new InvalidOperationException($"The schema validator did not answer within {_answerTimeout.TotalSeconds} s.");
                }

                if (line is null)
                {
                    Stop();
                    throw new InvalidOperationException("The schema validator (node validate.mjs) exited unexpectedly.");
                }

                var answer = JsonNode.Parse(line) as JsonObject;
                if (answer?["id"].Int() != id)
                {
                    continue;
                }

                return answer["ok"].Bool() == true ? [] : [.. answer["errors"].Objects().Select(ToError)];
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static SchemaError ToError(JsonObject error) => new(
        [.. (error["path"] as JsonArray ?? []).Select(p => p.Str() ?? p?.ToJsonString() ?? "")],
        error["code"].Str() ?? "invalid",
        error["message"].Str() ?? "Invalid input");

    private Process EnsureStarted()
    {
        if (_process is { HasExited: false } running)
        {
            return running;
        }

        var script = Path.Combine(_directory, "validate.mjs");
        if (!File.Exists(script) || !Directory.Exists(Path.Combine(_directory, "node_modules", "discord-api-spec")))
        {
            throw new InvalidOperationException(
                $"The schema validator is not installed in {_directory}: run 'npm ci' there (the build does it when node_modules is missing).");
        }

        var start = new ProcessStartInfo("node", ["validate.mjs"])
        {
            WorkingDirectory = _directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Cannot start node for the schema validator: {ex.Message}", ex);
        }

        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        return _process;
    }

    public void Dispose()
    {
        Stop();
        _gate.Dispose();
    }

    private void Stop()
    {
        if (_process is { } process)
        {
            Kill(process);
            _process = null;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static SchemaValidator CreateShared()
    {
        var validator = new SchemaValidator(BakedInDirectory());
        // node also exits when its stdin closes; this covers a test host that exits normally.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => validator.Dispose();
        return validator;
    }

    private static string BakedInDirectory() =>
        typeof(SchemaValidator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SchemaDirectory")?.Value
        ?? throw new InvalidOperationException("The emulator assembly lacks its SchemaDirectory metadata.");
}
