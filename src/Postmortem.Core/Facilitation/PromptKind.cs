namespace Postmortem.Core.Facilitation;

/// <summary>What kind of input the next prompt asks for (front ends pick the right modal or command).</summary>
public enum PromptKind
{
    /// <summary>Answer a text section or a question: AnswerSection(Key).</summary>
    Answer,

    /// <summary>Add a graph or table.</summary>
    Metric,

    /// <summary>Add timeline entries (event start and end, detection, mitigation).</summary>
    Timeline,

    /// <summary>Ask the first why.</summary>
    FirstWhy,

    /// <summary>Answer why <see cref="FacilitatorPrompt.TargetId"/>.</summary>
    AnswerWhy,

    /// <summary>Mark a root cause among the answers.</summary>
    RootCause,

    /// <summary>Add a lesson learned; with a <see cref="FacilitatorPrompt.TargetId"/>, one reflecting that root-cause answer.</summary>
    Lesson,

    /// <summary>Add a corrective action to lesson <see cref="FacilitatorPrompt.TargetId"/>.</summary>
    CorrectiveAction,

    /// <summary>Add an action item to corrective action <see cref="FacilitatorPrompt.TargetId"/>.</summary>
    ActionItem,

    /// <summary>A draft with every part done: review it together and submit it for review.</summary>
    Review,

    /// <summary>In review with every part done: the facilitator finalizes it.</summary>
    Finalize,

    /// <summary>Final and read-only: only the action items are followed up.</summary>
    Final,
}
