using Postmortem.Core.Blameless;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Templates;

namespace Postmortem.Core.Linting;

/// <summary>Every piece of visible free text in a postmortem, with where it lives, in template order.</summary>
public static class NarrativeText
{
    public static IEnumerable<(string SectionKey, string? Target, string Text)> Of(Postmortem postmortem, PostmortemTemplate template) =>
        Placed(postmortem, template).Select(p => (p.SectionKey, p.Target, p.Text));

    /// <summary>
    /// The same, with the place each text was written: corrective actions and action items are where owners are
    /// named, so the blameless check reads names there as owners.
    /// </summary>
    public static IEnumerable<(string SectionKey, string? Target, string Text, BlamelessPlace Place)> Placed(Postmortem postmortem, PostmortemTemplate template)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentNullException.ThrowIfNull(template);
        foreach (var section in template.Sections)
        {
            switch (section.Kind)
            {
                case SectionKind.Text when postmortem.CurrentText(section.Key) is { } text:
                    yield return (section.Key, null, text, BlamelessPlace.Narrative);
                    break;
                case SectionKind.Questions:
                    foreach (var question in section.Questions)
                    {
                        if (postmortem.CurrentText(question.Key) is { } answer)
                        {
                            yield return (section.Key, question.Key, answer, BlamelessPlace.Narrative);
                        }
                    }

                    break;
                case SectionKind.Metrics:
                    foreach (var metric in postmortem.Metrics.Where(m => m.Caption.Length > 0))
                    {
                        yield return (section.Key, null, metric.Caption, BlamelessPlace.Narrative);
                    }

                    break;
                case SectionKind.Timeline:
                    foreach (var entry in postmortem.TimelineInOrder)
                    {
                        yield return (section.Key, null, entry.Text, BlamelessPlace.Narrative);
                    }

                    break;
                case SectionKind.Whys:
                    foreach (var node in WhyTree.Build(postmortem).Whys)
                    {
                        yield return (section.Key, node.Why.Path, node.Why.Question, BlamelessPlace.Narrative);
                        foreach (var answer in node.Answers)
                        {
                            yield return (section.Key, answer.Answer.Label, answer.Answer.Text, BlamelessPlace.Narrative);
                        }
                    }

                    break;
                case SectionKind.Actions:
                    foreach (var lesson in postmortem.Lessons.Where(l => !l.Retracted))
                    {
                        yield return (section.Key, lesson.Label, lesson.Text, BlamelessPlace.Narrative);
                    }

                    foreach (var action in postmortem.CorrectiveActions.Where(a => !postmortem.IsHidden(a)))
                    {
                        yield return (section.Key, action.Label, action.Text, BlamelessPlace.ActionItem);
                    }

                    foreach (var item in postmortem.ActionItems.Where(i => !postmortem.IsHidden(i)))
                    {
                        yield return (section.Key, item.Label, item.Text, BlamelessPlace.ActionItem);
                        if (item.DropReason is { } reason)
                        {
                            yield return (section.Key, item.Label, reason, BlamelessPlace.Narrative);
                        }
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
