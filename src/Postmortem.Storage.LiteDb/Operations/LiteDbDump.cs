using System.Text;
using System.Text.Json;
using LiteDB;
using Postmortem.Storage.LiteDb.Engine;
using LiteJson = LiteDB.JsonSerializer;

namespace Postmortem.Storage.LiteDb.Operations;

/// <summary>
/// The store as JSON lines, one object per record, for people and for moving data (docs/storage.md, "Dump format"):
/// <c>{"collection":"postmortems","record":{...}}</c>, where the record is the stored document in LiteDB's JSON
/// (Int64 as <c>{"$numberLong":"…"}</c>, so types survive a restore exactly). A postmortem's state is stored as
/// UTF-8 JSON bytes; its line carries it readable instead: <c>{"collection":"postmortem_states","record":{"_id":…},"state":{…}}</c>.
/// Collections come in <see cref="LiteDbSchema.Collections"/> order, documents in id order. The dump is one read
/// transaction on the engine thread, so it is consistent, and writers wait while it runs.
/// </summary>
public static class LiteDbDump
{
    private const string StateField = "json";

    /// <summary>Writes every record; returns how many lines were written.</summary>
    public static Task<long> WriteAsync(LiteDbDatabase database, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(output);
        return database.RunAsync(
            engine =>
            {
                long lines = 0;
                foreach (var collection in LiteDbSchema.Collections)
                {
                    foreach (var document in engine.Find(collection, orderBy: BsonExpression.Create("_id")))
                    {
                        output.WriteLine(Line(collection, document));
                        lines++;
                    }
                }

                output.Flush();
                return lines;
            },
            cancellationToken);
    }

    /// <summary>
    /// Loads a dump into a store that holds no data yet (else <see cref="InvalidOperationException"/> and nothing is
    /// written), in one transaction: all of it or nothing. Returns how many records were loaded.
    /// </summary>
    /// <exception cref="FormatException">A line is not a record of this format; nothing was written.</exception>
    public static async Task<long> RestoreAsync(LiteDbDatabase database, TextReader input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(input);
        var records = new List<(string Collection, BsonDocument Document)>();
        var number = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                records.Add(Parse(line, number));
            }
        }

        return await database.RunAsync(
            engine =>
            {
                var nonEmpty = LiteDbSchema.Collections
                    .Where(c => c != LiteDbSchema.Meta && engine.Count(c) > 0)
                    .ToList();
                if (nonEmpty.Count > 0)
                {
                    throw new InvalidOperationException($"restore needs an empty store; {database.Location} already holds {string.Join(", ", nonEmpty)}.");
                }

                foreach (var group in records.GroupBy(r => r.Collection))
                {
                    // The empty store already has its layout record; the dump's meta records replace it.
                    engine.Upsert(group.Key, group.Select(r => r.Document), BsonAutoId.Int64);
                }

                return (long)records.Count;
            },
            cancellationToken);
    }

    private static string Line(string collection, BsonDocument document)
    {
        var line = new StringBuilder("{\"collection\":").Append(System.Text.Json.JsonSerializer.Serialize(collection));
        if (collection == LiteDbSchema.PostmortemStates)
        {
            var state = document[StateField].AsBinary;
            var record = new BsonDocument { ["_id"] = document["_id"] };
            return line.Append(",\"record\":").Append(LiteJson.Serialize(record))
                .Append(",\"state\":").Append(Encoding.UTF8.GetString(state)).Append('}').ToString();
        }

        return line.Append(",\"record\":").Append(LiteJson.Serialize(document)).Append('}').ToString();
    }

    private static (string Collection, BsonDocument Document) Parse(string line, int number)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var collection = root.GetProperty("collection").GetString()
                ?? throw new FormatException($"line {number}: \"collection\" is null.");
            if (!LiteDbSchema.Collections.Contains(collection))
            {
                throw new FormatException($"line {number}: unknown collection \"{collection}\".");
            }

            var document = LiteJson.Deserialize(root.GetProperty("record").GetRawText()).AsDocument;
            if (collection == LiteDbSchema.PostmortemStates)
            {
                document[StateField] = Encoding.UTF8.GetBytes(root.GetProperty("state").GetRawText());
            }

            return (collection, document);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or LiteException)
        {
            throw new FormatException($"line {number} is not a record of a postmortem dump: {exception.Message}", exception);
        }
    }
}
