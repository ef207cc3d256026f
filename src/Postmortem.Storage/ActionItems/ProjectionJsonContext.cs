using System.Text.Json.Serialization;

namespace Postmortem.Storage.ActionItems;

/// <summary>Source-generated JSON for the id lists handed to SQLite's json_each.</summary>
[JsonSerializable(typeof(IReadOnlyList<int>))]
internal sealed partial class ProjectionJsonContext : JsonSerializerContext;
