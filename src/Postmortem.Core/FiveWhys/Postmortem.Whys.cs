using System.Globalization;
using Postmortem.Core.Commands;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Text;

namespace Postmortem.Core;

public sealed partial class Postmortem
{
    /// <summary>Every why ever asked (including retracted ones), in creation order.</summary>
    public IReadOnlyList<Why> Whys => _whys.Items;

    /// <summary>Every answer ever given (including retracted ones), in creation order.</summary>
    public IReadOnlyList<WhyAnswer> WhyAnswers => _whyAnswers.Items;

    public Why? FindWhy(int id) => _whys.Find(id);

    public WhyAnswer? FindWhyAnswer(int id) => _whyAnswers.Find(id);

    /// <summary>True when the why is retracted or sits below a retracted why or answer.</summary>
    public bool IsHidden(Why why)
    {
        ArgumentNullException.ThrowIfNull(why);
        for (var current = why; current is not null;)
        {
            if (current.Retracted)
            {
                return true;
            }

            if (current.FromAnswerId is not { } answerId)
            {
                return false;
            }

            var answer = _whyAnswers.Find(answerId);
            if (answer is null || answer.Retracted)
            {
                return true;
            }

            current = _whys.Find(answer.WhyId);
        }

        return true;
    }

    public bool IsHidden(WhyAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Retracted || _whys.Find(answer.WhyId) is not { } why || IsHidden(why);
    }

    private CommandResult ApplyAskWhy(AskWhy command, UserRef actor, DateTimeOffset now)
    {
        if (InputRules.Text(command.Question, "The question", Limits.MaxTextLength, out var question) is { } error)
        {
            return error;
        }

        string path;
        Why? parent = null;
        if (command.FromAnswerId is { } answerId)
        {
            if (FindVisibleAnswer(answerId, out var answer) is { } answerError)
            {
                return answerError;
            }

            parent = _whys.Find(answer.WhyId)!;
            path = parent.Path + "." + parent.NextFollowUpOrdinal.ToString(CultureInfo.InvariantCulture);
            _whys.Replace(parent with { NextFollowUpOrdinal = parent.NextFollowUpOrdinal + 1 });
        }
        else
        {
            path = _counters.NextTopLevelWhyOrdinal.ToString(CultureInfo.InvariantCulture);
            _counters = _counters with { NextTopLevelWhyOrdinal = _counters.NextTopLevelWhyOrdinal + 1 };
        }

        var why = new Why
        {
            Id = _counters.NextWhyId,
            Path = path,
            ParentWhyId = parent?.Id,
            FromAnswerId = command.FromAnswerId,
            Question = question,
            Author = actor,
            At = now,
        };
        _counters = _counters with { NextWhyId = why.Id + 1 };
        _whys.Add(why);
        return CommandResult.Success(why.Id);
    }

    private CommandResult ApplyAnswerWhy(AnswerWhy command, UserRef actor, DateTimeOffset now)
    {
        if (FindVisibleWhy(command.WhyId, out var why) is { } whyError)
        {
            return whyError;
        }

        if (InputRules.Text(command.Text, "The answer", Limits.MaxTextLength, out var text) is { } error)
        {
            return error;
        }

        if (RejectWhyAnswerDuplicate(command.Source, why.Id) is { } duplicate)
        {
            return duplicate;
        }

        var answer = new WhyAnswer
        {
            Id = _counters.NextWhyAnswerId,
            WhyId = why.Id,
            Label = why.Path + Numbering.Letters(why.NextAnswerOrdinal),
            Text = text,
            Author = actor,
            At = now,
            Source = command.Source,
        };
        _counters = _counters with { NextWhyAnswerId = answer.Id + 1 };
        _whys.Replace(why with { NextAnswerOrdinal = why.NextAnswerOrdinal + 1 });
        _whyAnswers.Add(answer);
        return CommandResult.Success(answer.Id);
    }

    private CommandResult ApplyEditWhy(EditWhy command, UserRef actor, DateTimeOffset now)
    {
        if (FindVisibleWhy(command.WhyId, out var why) is { } whyError)
        {
            return whyError;
        }

        if (InputRules.Text(command.Question, "The question", Limits.MaxTextLength, out var question) is { } error)
        {
            return error;
        }

        var target = EditTarget.Why(why.Id);
        if (CheckRevision(target, command.BaseRevision, why.Revision, why.Question, why.Author, question, actor, now) is { } conflict)
        {
            return conflict;
        }

        ClearUnmerged(target, actor);
        if (question != why.Question)
        {
            _whys.Replace(why with { Question = question, Revision = why.Revision + 1 });
        }

        return CommandResult.Success(why.Id);
    }

    private CommandResult ApplyEditWhyAnswer(EditWhyAnswer command, UserRef actor, DateTimeOffset now)
    {
        if (FindVisibleAnswer(command.AnswerId, out var answer) is { } answerError)
        {
            return answerError;
        }

        if (InputRules.Text(command.Text, "The answer", Limits.MaxTextLength, out var text) is { } error)
        {
            return error;
        }

        var target = EditTarget.WhyAnswer(answer.Id);
        if (CheckRevision(target, command.BaseRevision, answer.Revision, answer.Text, answer.Author, text, actor, now) is { } conflict)
        {
            return conflict;
        }

        ClearUnmerged(target, actor);
        if (text != answer.Text)
        {
            _whyAnswers.Replace(answer with { Text = text, Revision = answer.Revision + 1 });
        }

        return CommandResult.Success(answer.Id);
    }

    private CommandResult ApplyRetractWhy(RetractWhy command)
    {
        if (FindVisibleWhy(command.WhyId, out var why) is { } error)
        {
            return error;
        }

        _whys.Replace(why with { Retracted = true });
        return CommandResult.Success(why.Id);
    }

    private CommandResult ApplyRetractWhyAnswer(RetractWhyAnswer command)
    {
        if (FindVisibleAnswer(command.AnswerId, out var answer) is { } error)
        {
            return error;
        }

        _whyAnswers.Replace(answer with { Retracted = true, IsRootCause = false });
        return CommandResult.Success(answer.Id);
    }

    private CommandResult ApplyMarkRootCause(MarkRootCause command)
    {
        if (FindVisibleAnswer(command.AnswerId, out var answer) is { } error)
        {
            return error;
        }

        _whyAnswers.Replace(answer with { IsRootCause = command.IsRootCause });
        return CommandResult.Success(answer.Id);
    }

    private UserError? FindVisibleWhy(int id, out Why why)
    {
        why = _whys.Find(id)!;
        if (why is null)
        {
            return UserError.NotFound($"Why {id} does not exist.");
        }

        return IsHidden(why) ? UserError.NotFound($"Why {why.Path} was retracted.") : null;
    }

    private UserError? FindVisibleAnswer(int id, out WhyAnswer answer)
    {
        answer = _whyAnswers.Find(id)!;
        if (answer is null)
        {
            return UserError.NotFound($"Answer {id} does not exist.");
        }

        return IsHidden(answer) ? UserError.NotFound($"Answer {answer.Label} was retracted.") : null;
    }
}
