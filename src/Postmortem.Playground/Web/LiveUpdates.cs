using Microsoft.AspNetCore.Http;
using Postmortem.Discord.Emulator;

namespace Postmortem.Playground.Web;

/// <summary>
/// Server-sent events: one "change" event whenever anything in the emulator changes (a message, an edit, a thread,
/// a violation) or the clock moves; the page then fetches what it shows. Bursts are coalesced so a bot that edits a
/// dashboard and posts a prompt at once costs the page one redraw.
/// </summary>
internal sealed class LiveUpdates(DiscordEmulator emulator)
{
    private static readonly TimeSpan _coalesce = TimeSpan.FromMilliseconds(60);
    private readonly Lock _gate = new();
    private TaskCompletionSource _clockMoved = New();

    public void ClockMoved()
    {
        TaskCompletionSource fired;
        lock (_gate)
        {
            fired = _clockMoved;
            _clockMoved = New();
        }

        fired.TrySetResult();
    }

    public async Task StreamAsync(HttpContext http)
    {
        var cancel = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        try
        {
            await http.Response.WriteAsync("retry: 1000\nevent: change\ndata: hello\n\n", cancel);
            await http.Response.Body.FlushAsync(cancel);
            while (!cancel.IsCancellationRequested)
            {
                Task clockMoved;
                lock (_gate)
                {
                    clockMoved = _clockMoved.Task;
                }

                await Task.WhenAny(emulator.NextChangeAsync(cancel), clockMoved.WaitAsync(cancel));
                await Task.Delay(_coalesce, cancel);
                await http.Response.WriteAsync("event: change\ndata: change\n\n", cancel);
                await http.Response.Body.FlushAsync(cancel);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed or reloaded.
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
