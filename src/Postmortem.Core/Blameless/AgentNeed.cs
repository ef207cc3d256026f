namespace Postmortem.Core.Blameless;

/// <summary>Who must be doing it for a phrase to blame.</summary>
internal enum AgentNeed
{
    /// <summary>Only a person: "the deploy failed to roll back" is a system failing.</summary>
    Person,

    /// <summary>Anyone but a system, including nobody said ("the PR got rubber-stamped").</summary>
    NotSystem,

    /// <summary>The phrase blames on its own ("a rookie mistake").</summary>
    Any,
}

/// <summary>What the words before a verb say about who did it.</summary>
internal enum Agent
{
    /// <summary>Nobody is said (passive, a fragment, the start of a sentence).</summary>
    None,

    /// <summary>A name, a mention, a role, "someone", "he".</summary>
    Person,

    /// <summary>"nobody", "no one": a culprit only with attitude verbs ("nobody cared").</summary>
    Nobody,

    /// <summary>Anything else: the deploy, the alert, the runbook, we.</summary>
    System,
}
