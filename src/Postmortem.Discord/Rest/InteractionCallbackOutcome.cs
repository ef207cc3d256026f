namespace Postmortem.Discord.Rest;

/// <summary>What became of an initial interaction callback that did not fail outright.</summary>
public enum InteractionCallbackOutcome
{
    /// <summary>Discord said so: a 2xx, or 40060 after an earlier attempt of ours that may have got through.</summary>
    Acknowledged,

    /// <summary>
    /// An attempt may have reached Discord (a timeout, a reset after sending, a 5xx) and the deadline left no time to
    /// find out. Carry on with followups and @original edits: if Discord did take it they work for 15 minutes.
    /// </summary>
    MaybeAcknowledged,
}
