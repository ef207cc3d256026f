namespace Postmortem.Core.Blameless;

/// <summary>Where the text was written, which changes what a name means in it.</summary>
public enum BlamelessPlace
{
    /// <summary>Answers, whys, timeline entries, lessons: a person as the agent of a failure is blame.</summary>
    Narrative,

    /// <summary>
    /// Action items (and their corrective actions): that is where names belong, as owners, so names and mentions are not
    /// read as culprits there. Blame idioms and judgements are still flagged.
    /// </summary>
    ActionItem,
}
