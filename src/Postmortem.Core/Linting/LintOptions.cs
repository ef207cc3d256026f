namespace Postmortem.Core.Linting;

public sealed record LintOptions
{
    public static LintOptions Default { get; } = new();

    /// <summary>
    /// Action items are short term: due at most this long after the postmortem started
    /// (the template says within 90 days, ideally much less).
    /// </summary>
    public TimeSpan MaxActionItemHorizon { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Also run <see cref="Blameless.BlamelessCheck"/> over the narrative text.</summary>
    public bool CheckBlamelessLanguage { get; init; } = true;

    /// <summary>
    /// Names of people beyond the postmortem's own (the server's members in the thread, the terminal's users), so
    /// the blameless check knows "sam" is a person whatever the case.
    /// </summary>
    public IReadOnlyCollection<string> KnownNames { get; init; } = [];
}
