namespace Postmortem.Discord.Emulator;

/// <summary>When an injected fault strikes: before Discord handles the request, or after it did.</summary>
internal enum FaultTiming
{
    /// <summary>Nothing changes; the request is answered with the fault's status.</summary>
    BeforeProcessing,

    /// <summary>Discord processed the request (state changed), then the answer is lost, late or an error.</summary>
    AfterProcessing,
}

/// <summary>One injected failure. <see cref="Status"/> 0 resets the connection; null answers normally.</summary>
internal sealed record Fault(string? RouteKey, FaultTiming Timing, int? Status, TimeSpan Delay);

/// <summary>Failures a test asked for, taken by the first request they match, in the order asked.</summary>
internal sealed class FaultInjection
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];

    public void Add(Fault fault, int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Add(fault);
            }
        }
    }

    /// <summary>The next fault for <paramref name="routeKey"/> ("POST /channels/{channel_id}/messages") at <paramref name="timing"/>.</summary>
    public Fault? Take(string routeKey, FaultTiming timing)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Timing == timing && (f.RouteKey is null || f.RouteKey == routeKey));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }

    /// <summary>A before-processing fault for this route as Discord's answer, or null.</summary>
    public RestResult? Before(string routeKey) =>
        Take(routeKey, FaultTiming.BeforeProcessing) is { Status: { } status } ? RestResult.InternalError(status) : null;
}
