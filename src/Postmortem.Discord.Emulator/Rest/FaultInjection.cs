namespace Postmortem.Discord.Emulator;

/// <summary>Failures a test asked for: the next N REST requests get a server error.</summary>
internal sealed class FaultInjection
{
    private readonly Lock _gate = new();
    private readonly Queue<int> _failures = new();

    public void FailNext(int count, int status)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue(status);
            }
        }
    }

    public RestResult? Next()
    {
        lock (_gate)
        {
            return _failures.TryDequeue(out var status) ? RestResult.InternalError(status) : null;
        }
    }
}
