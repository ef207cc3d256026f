using System.Collections.Concurrent;
using Postmortem.Core.Reminders;
using Postmortem.Reminders.Delivery;

namespace Postmortem.Reminders.Tests.Support;

/// <summary>Records what would have been sent; can fail or refuse on demand, or run a hook inside a send.</summary>
internal sealed class FakeReminderSender : IReminderSender
{
    private readonly ConcurrentQueue<ReminderMessage> _reminders = new();
    private readonly ConcurrentQueue<ChannelPost> _posts = new();
    private int _messageIds = 1000;

    public IReadOnlyList<ReminderMessage> Reminders => [.. _reminders];

    public IReadOnlyList<ChannelPost> Posts => [.. _posts];

    /// <summary>Thrown by the next sends (transient failure), then cleared.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>Returned for every reminder while set.</summary>
    public Refused? RefuseWith { get; set; }

    /// <summary>Runs after a reminder was "sent", before the outcome is returned (e.g. to simulate a crash).</summary>
    public Action<ReminderMessage>? AfterSend { get; set; }

    /// <summary>Signalled on every reminder.</summary>
    public TaskCompletionSource<ReminderMessage> NextReminder { get; private set; } = NewSignal();

    public Task<SendOutcome> SendReminderAsync(ReminderMessage message, CancellationToken cancellationToken = default)
    {
        if (FailWith is { } failure)
        {
            throw failure;
        }

        if (RefuseWith is { } refused)
        {
            return Task.FromResult<SendOutcome>(refused);
        }

        _reminders.Enqueue(message);
        var signal = NextReminder;
        NextReminder = NewSignal();
        signal.TrySetResult(message);
        AfterSend?.Invoke(message);
        return Task.FromResult<SendOutcome>(new Delivered(DeliveryChannel.Dm, "dm-" + message.Owner.Id, Interlocked.Increment(ref _messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private TaskCompletionSource<ChannelPost> _nextPost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until a post matching <paramref name="match"/> was made (bounded by <paramref name="timeout"/>).</summary>
    public async Task<ChannelPost> WaitForPostAsync(Func<ChannelPost, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = _nextPost.Task;
            if (Posts.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await next.WaitAsync(deadline.Token);
        }
    }

    public Task<SendOutcome> PostAsync(ChannelPost post, CancellationToken cancellationToken = default)
    {
        _posts.Enqueue(post);
        Interlocked.Exchange(ref _nextPost, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(post);
        return Task.FromResult<SendOutcome>(new Delivered(DeliveryChannel.Thread, post.ChannelId, Interlocked.Increment(ref _messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static TaskCompletionSource<ReminderMessage> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
