namespace Postmortem.Discord.Rest.RateLimiting;

/// <summary>
/// One request's turn in its route's bucket: from the bucket's gate to its release. While the request is the probe
/// of a route whose bucket is not known yet, the others wait until its first response has been learnt from, or the
/// turn ends; both ways of sending (any REST call, an initial callback) take their turn through this.
/// </summary>
internal sealed class BucketTurn : IDisposable
{
    private readonly RateLimiter _limits;
    private readonly DiscordRoute _route;
    private bool _probing;

    private BucketTurn(RateLimiter limits, DiscordRoute route, RateLimitBucket bucket, bool probing)
    {
        _limits = limits;
        _route = route;
        Bucket = bucket;
        _probing = probing;
    }

    public RateLimitBucket Bucket { get; }

    public static async Task<BucketTurn> TakeAsync(RateLimiter limits, DiscordRoute route, CancellationToken cancellationToken)
    {
        var (bucket, probing) = await limits.AcquireAsync(route, cancellationToken);
        try
        {
            await bucket.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            if (probing)
            {
                limits.EndProbe(route);
            }

            throw;
        }

        return new BucketTurn(limits, route, bucket, probing);
    }

    /// <summary>Records what a response said about the bucket, and lets the route's waiting requests go.</summary>
    public void Learn(RateLimitHeaders headers)
    {
        _limits.Learn(_route, Bucket, headers);
        EndProbe();
    }

    public void Dispose()
    {
        Bucket.Gate.Release();
        EndProbe();
    }

    private void EndProbe()
    {
        if (_probing)
        {
            _probing = false;
            _limits.EndProbe(_route);
        }
    }
}
