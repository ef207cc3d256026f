using Postmortem.Charts.Fonts;
using Postmortem.Charts.Rendering;
using Postmortem.Core.FiveWhys;
using SkiaSharp;

namespace Postmortem.Charts.FiveWhys;

/// <summary>One box of the tree: a why (its question) or an answer, its header line and its wrapped text.</summary>
internal sealed record WhyCard(bool IsWhy, string Header, IReadOnlyList<string> Lines, bool IsRootCause, bool IsUnanswered)
{
    public const float WhyWidth = 270;
    public const float AnswerWidth = 290;
    public const float Padding = 12;
    public const float HeaderSize = 13;
    public const float HeaderHeight = 18;
    public const float TextSize = 15;
    public const float LineHeight = 20;
    public const int MaxLines = 6;

    public float Width => IsWhy ? WhyWidth : AnswerWidth;

    public float Height => Padding + HeaderHeight + 4 + (Lines.Count * LineHeight) + Padding - 4;

    /// <summary>The boxes of one top-level why and everything below it.</summary>
    public static TreeBox<WhyCard> Branch(WhyNode why, SKFont textFont) => FromWhy(why, textFont);

    private static TreeBox<WhyCard> FromWhy(WhyNode node, SKFont font)
    {
        var unanswered = node.Answers.Count == 0;
        var card = new WhyCard(
            true,
            unanswered ? $"WHY {node.Why.Path} · NO ANSWER YET" : $"WHY {node.Why.Path}",
            TextWrapper.Wrap(node.Why.Question, font, WhyWidth - (2 * Padding) - 4, MaxLines),
            IsRootCause: false,
            unanswered);
        return new TreeBox<WhyCard>(card, card.Width, card.Height, [.. node.Answers.Select(a => FromAnswer(a, font))]);
    }

    private static TreeBox<WhyCard> FromAnswer(WhyAnswerNode node, SKFont font)
    {
        var answer = node.Answer;
        var card = new WhyCard(
            false,
            $"ANSWER {answer.Label}",
            TextWrapper.Wrap(answer.Text, font, AnswerWidth - (2 * Padding) - 4, MaxLines),
            answer.IsRootCause,
            IsUnanswered: false);
        return new TreeBox<WhyCard>(card, card.Width, card.Height, [.. node.FollowUps.Select(f => FromWhy(f, font))]);
    }

    public static SKFont TextFont() => new(ChartFonts.Regular, TextSize) { Subpixel = true };

    public static SKFont HeaderFont() => new(ChartFonts.Bold, HeaderSize) { Subpixel = true };
}
