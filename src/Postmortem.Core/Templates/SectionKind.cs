namespace Postmortem.Core.Templates;

/// <summary>How a template section is filled in (and which commands fill it).</summary>
public enum SectionKind
{
    /// <summary>Free text, answered with AnswerSection under the section key.</summary>
    Text,

    /// <summary>Graphs and tables (AddMetricImage / AddMetricTable).</summary>
    Metrics,

    /// <summary>Several questions, each answered with AnswerSection under the question key.</summary>
    Questions,

    /// <summary>Timeline entries (AddTimelineEntry...).</summary>
    Timeline,

    /// <summary>The Five Whys tree (AskWhy / AnswerWhy...).</summary>
    Whys,

    /// <summary>Lessons learned, corrective actions and action items.</summary>
    Actions,
}
