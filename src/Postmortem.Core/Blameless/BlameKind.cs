namespace Postmortem.Core.Blameless;

/// <summary>Which rule of <see cref="BlameRules"/> found the blame.</summary>
public enum BlameKind
{
    /// <summary>A person (name, role, mention, "someone") is the agent of a failure: "sam forgot to rotate the key".</summary>
    PersonAsAgent,

    /// <summary>A fault that belongs to a person: "Lee's typo", "the DBA's mistake", "his fault".</summary>
    Possessive,

    /// <summary>A blaming idiom: "dropped the ball", "rubber-stamped", "it's on Sam", "a rookie mistake".</summary>
    Idiom,

    /// <summary>Hindsight about a person: "Kofi should have double-checked the config".</summary>
    Hindsight,

    /// <summary>A judging word: "careless", "sloppy", "negligent".</summary>
    Judgement,

    /// <summary>Blame said outright: "we blame the release manager", "Jordan is to blame".</summary>
    BlameWord,

    /// <summary>"Human error" given as the cause.</summary>
    HumanError,
}
