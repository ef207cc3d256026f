using LiteDB;
using LiteDB.Engine;

namespace Postmortem.Storage.LiteDb.Engine;

/// <summary>Short forms of the engine calls the stores make; all run inside the caller's transaction.</summary>
internal static class LiteDbQueries
{
    public static BsonDocument? FindById(this ILiteEngine engine, string collection, BsonValue id)
    {
        using var reader = engine.Query(collection, new Query { Where = { BsonExpression.Create("_id = @0", id) } });
        return reader.Read() ? reader.Current.AsDocument : null;
    }

    public static List<BsonDocument> Find(
        this ILiteEngine engine,
        string collection,
        BsonExpression? where = null,
        BsonExpression? orderBy = null,
        int order = Query.Ascending,
        int limit = int.MaxValue)
    {
        var query = new Query { OrderBy = orderBy, Order = order, Limit = limit };
        if (where is not null)
        {
            query.Where.Add(where);
        }

        var documents = new List<BsonDocument>();
        using var reader = engine.Query(collection, query);
        while (reader.Read())
        {
            documents.Add(reader.Current.AsDocument);
        }

        return documents;
    }

    public static List<BsonDocument> ToList(this IBsonDataReader reader)
    {
        using (reader)
        {
            var documents = new List<BsonDocument>();
            while (reader.Read())
            {
                documents.Add(reader.Current.AsDocument);
            }

            return documents;
        }
    }

    public static void Upsert(this ILiteEngine engine, string collection, BsonDocument document) =>
        engine.Upsert(collection, [document], BsonAutoId.Int64);

    public static bool InsertIfMissing(this ILiteEngine engine, string collection, BsonDocument document)
    {
        if (engine.FindById(collection, document["_id"]) is not null)
        {
            return false;
        }

        engine.Insert(collection, [document], BsonAutoId.Int64);
        return true;
    }

    /// <summary>How many documents a collection holds (0 when it does not exist yet).</summary>
    public static long Count(this ILiteEngine engine, string collection)
    {
        using var reader = engine.Query(collection, new Query { Select = BsonExpression.Create("{ count: COUNT(*._id) }") });
        return reader.Read() ? reader.Current["count"].AsInt64 : 0;
    }
}
