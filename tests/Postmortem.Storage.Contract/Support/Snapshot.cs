using System.Text.Json;
using Postmortem.Core.Postmortems;

namespace Postmortem.Storage.Contract.Support;

public static class Snapshot
{
    /// <summary>The whole aggregate as JSON: two postmortems are the same document when these are equal.</summary>
    public static string Of(Core.Postmortem postmortem) =>
        JsonSerializer.Serialize(postmortem.ToState(), PostmortemJsonContext.Default.PostmortemState);
}
