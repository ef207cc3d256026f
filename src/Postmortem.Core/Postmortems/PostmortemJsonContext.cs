using System.Text.Json.Serialization;

namespace Postmortem.Core.Postmortems;

/// <summary>
/// Source-generated System.Text.Json metadata for <see cref="PostmortemState"/>, shared by the store and the
/// exporters so they agree on one shape: camelCase names, enums as strings, nulls omitted.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(PostmortemState))]
public sealed partial class PostmortemJsonContext : JsonSerializerContext;
