using System.Runtime.CompilerServices;

// The gateway's building blocks (rate limiter, identify gate, heartbeat, shard constructor) are
// internal; the tests drive them directly.
[assembly: InternalsVisibleTo("Postmortem.Discord.Tests")]
