using System.Text.Json;
using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Tests;

internal static class Snapshot
{
    /// <summary>The whole aggregate as JSON, to assert that a rejected command changed nothing.</summary>
    public static string Of(Core.Postmortem postmortem) =>
        JsonSerializer.Serialize(postmortem.ToState(), PostmortemJsonContext.Default.PostmortemState);
}
