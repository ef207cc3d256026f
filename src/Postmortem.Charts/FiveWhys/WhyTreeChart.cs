using System.Globalization;
using Postmortem.Charts.Fonts;
using Postmortem.Charts.Rendering;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Pictures;
using SkiaSharp;

namespace Postmortem.Charts.FiveWhys;

/// <summary>
/// The Five Whys tree drawn left to right with <see cref="TidyTree"/>: whys and answers as cards with wrapped text,
/// root causes in red with a badge, unanswered whys dashed. A tree too large to read as one picture becomes one
/// picture per top-level why (neighbouring small branches share one when there would be too many).
/// </summary>
internal static class WhyTreeChart
{
    /// <summary>Above this many whys and answers the tree is split by top-level why.</summary>
    public const int SplitAbove = 40;

    private const float Margin = 32;
    private const float HeaderHeight = 84;
    private const float ColumnGap = 44;
    private const float SiblingGap = 14;
    private const float SubtreeGap = 22;
    private const float BranchGap = 40;

    // Beyond this many pixels (about 5000 x 5000) the picture is drawn smaller: memory, encoding time, and what chat
    // clients show anyway. Large trees are split by top-level why long before most reach it.
    private const float MaxPixels = 25_000_000;

    public static IReadOnlyList<PostmortemImage> Render(Core.Postmortem postmortem, int maxImages)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxImages, 1);
        var tree = WhyTree.Build(postmortem);
        if (tree.Roots.Count == 0)
        {
            return [];
        }

        var size = tree.Whys.Count + tree.Answers.Count;
        if (size <= SplitAbove || tree.Roots.Count == 1 || maxImages == 1)
        {
            return [Draw(postmortem, tree, [.. tree.Roots], "whys.png", "")];
        }

        return [.. Group(tree.Roots, maxImages).Select(group =>
        {
            var first = group[0].Why.Path;
            var last = group[^1].Why.Path;
            return group.Count == 1
                ? Draw(postmortem, tree, group, $"whys-{first}.png", $" · Why {first}")
                : Draw(postmortem, tree, group, $"whys-{first}-{last}.png", $" · Whys {first} to {last}");
        })];
    }

    /// <summary>Consecutive branches in at most <paramref name="maxGroups"/> groups of about equal node counts.</summary>
    internal static List<List<WhyNode>> Group(IReadOnlyList<WhyNode> roots, int maxGroups)
    {
        if (roots.Count <= maxGroups)
        {
            return [.. roots.Select(r => new List<WhyNode> { r })];
        }

        var sizes = roots.Select(Count).ToList();
        var target = (double)sizes.Sum() / maxGroups;
        var groups = new List<List<WhyNode>> { new() };
        var filled = 0;
        for (var i = 0; i < roots.Count; i++)
        {
            var remainingRoots = roots.Count - i;
            var remainingGroups = maxGroups - groups.Count;
            var current = groups[^1];
            var mustStartNew = current.Count > 0 && remainingRoots <= remainingGroups;
            var full = current.Count > 0 && filled + (sizes[i] / 2.0) > target && remainingGroups > 0;
            if (mustStartNew || full)
            {
                groups.Add([]);
                filled = 0;
                current = groups[^1];
            }

            current.Add(roots[i]);
            filled += sizes[i];
        }

        return groups;
    }

    private static int Count(WhyNode why) => 1 + why.Answers.Sum(a => 1 + a.FollowUps.Sum(Count));

    private static PostmortemImage Draw(Core.Postmortem postmortem, WhyTree tree, IReadOnlyList<WhyNode> roots, string fileName, string part)
    {
        using var textFont = WhyCard.TextFont();
        using var headerFont = WhyCard.HeaderFont();
        var branches = roots.Select(r => WhyCard.Branch(r, textFont)).ToList();
        var sizes = branches.Select(b => TidyTree.Layout(b, ColumnGap, SiblingGap, SubtreeGap)).ToList();
        var contentWidth = Math.Max(sizes.Max(s => s.Width), 640);
        var contentHeight = sizes.Sum(s => s.Height) + (BranchGap * (branches.Count - 1));
        var width = contentWidth + (2 * Margin);
        var height = contentHeight + HeaderHeight + (2 * Margin);
        var scale = Math.Min(1f, MathF.Sqrt(MaxPixels / (width * height)));
        var pixelWidth = (int)MathF.Ceiling(width * scale);
        var pixelHeight = (int)MathF.Ceiling(height * scale);

        using var surface = PngEncoder.CreateSurface(pixelWidth, pixelHeight);
        var canvas = surface.Canvas;
        canvas.Scale(scale);
        canvas.Clear(ChartTheme.Background);

        var visible = roots.SelectMany(Flatten).ToList();
        var rootCauses = visible.Count(c => c.IsRootCause);
        DrawHeader(canvas, postmortem, part, visible, rootCauses, width);

        var y = Margin + HeaderHeight;
        for (var i = 0; i < branches.Count; i++)
        {
            if (i > 0)
            {
                using var separator = new SKPaint { Color = ChartTheme.Grid, StrokeWidth = 1, IsAntialias = true };
                canvas.DrawLine(Margin, y - (BranchGap / 2), width - Margin, y - (BranchGap / 2), separator);
            }

            canvas.Save();
            canvas.Translate(Margin, y);
            DrawBranch(canvas, branches[i], textFont, headerFont);
            canvas.Restore();
            y += sizes[i].Height + BranchGap;
        }

        var alt = AltText(postmortem, part, visible, tree);
        return PngEncoder.Encode(surface, pixelWidth, pixelHeight, fileName, alt);
    }

    private static IEnumerable<WhyCardSummary> Flatten(WhyNode why) =>
        why.Answers.SelectMany(a => a.FollowUps.SelectMany(Flatten).Prepend(new WhyCardSummary(false, a.Answer.IsRootCause, a.Answer.Label)))
            .Prepend(new WhyCardSummary(true, false, why.Why.Path));

    private static void DrawHeader(SKCanvas canvas, Core.Postmortem postmortem, string part, List<WhyCardSummary> visible, int rootCauses, float width)
    {
        using var titleFont = new SKFont(ChartFonts.Bold, 22) { Subpixel = true };
        using var subtitleFont = new SKFont(ChartFonts.Regular, 15) { Subpixel = true };
        using var text = new SKPaint { Color = ChartTheme.Text, IsAntialias = true };
        using var muted = new SKPaint { Color = ChartTheme.MutedText, IsAntialias = true };
        var title = TextFit.OneLine(TextFit.Printable($"Five Whys of #{postmortem.Id}: {postmortem.Title}"), 90) + part;
        canvas.DrawText(title, Margin, Margin + 24, SKTextAlign.Left, titleFont, text);
        var whys = visible.Count(c => c.IsWhy);
        var answers = visible.Count - whys;
        var summary = $"{Plural(whys, "why", "whys")} · {Plural(answers, "answer", "answers")} · {Plural(rootCauses, "root cause", "root causes")}";
        canvas.DrawText(summary, Margin, Margin + 52, SKTextAlign.Left, subtitleFont, muted);

        // Legend, right-aligned on the summary's line.
        (string Label, SKColor Fill, SKColor Accent)[] legend =
        [
            ("Why", ChartTheme.Panel, ChartTheme.Blurple),
            ("Answer", ChartTheme.Panel, ChartTheme.Line),
            ("Root cause", RootCauseFill, ChartTheme.Red),
        ];
        var x = width - Margin;
        foreach (var (label, fill, accent) in legend.Reverse())
        {
            var labelWidth = subtitleFont.MeasureText(label);
            x -= labelWidth;
            canvas.DrawText(label, x, Margin + 52, SKTextAlign.Left, subtitleFont, muted);
            x -= 24;
            using var swatch = new SKPaint { Color = fill, IsAntialias = true };
            using var edge = new SKPaint { Color = accent, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
            var rect = SKRect.Create(x, Margin + 40, 16, 14);
            canvas.DrawRoundRect(rect, 3, 3, swatch);
            canvas.DrawRoundRect(rect, 3, 3, edge);
            x -= 18;
        }
    }

    private static readonly SKColor _rootCauseFill = SKColor.Parse("#4E2A2E");

    private static SKColor RootCauseFill => _rootCauseFill;

    private static void DrawBranch(SKCanvas canvas, TreeBox<WhyCard> root, SKFont textFont, SKFont headerFont)
    {
        using var edge = new SKPaint { Color = ChartTheme.Line, StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
        var pending = new Stack<TreeBox<WhyCard>>();
        pending.Push(root);
        var all = new List<TreeBox<WhyCard>>();
        while (pending.TryPop(out var box))
        {
            all.Add(box);
            foreach (var child in box.Children)
            {
                pending.Push(child);
                var fromX = box.X + box.Width;
                var toX = child.X;
                var midX = fromX + ((toX - fromX) / 2);
                using var path = new SKPath();
                path.MoveTo(fromX, box.CenterY);
                path.LineTo(midX, box.CenterY);
                path.LineTo(midX, child.CenterY);
                path.LineTo(toX, child.CenterY);
                canvas.DrawPath(path, edge);
            }
        }

        foreach (var box in all)
        {
            DrawCard(canvas, box, textFont, headerFont);
        }
    }

    private static void DrawCard(SKCanvas canvas, TreeBox<WhyCard> box, SKFont textFont, SKFont headerFont)
    {
        var card = box.Item;
        var rect = SKRect.Create(box.X, box.Y, box.Width, box.Height);
        using var fill = new SKPaint { Color = card.IsRootCause ? RootCauseFill : ChartTheme.Panel, IsAntialias = true };
        canvas.DrawRoundRect(rect, 6, 6, fill);

        var accent = card.IsRootCause ? ChartTheme.Red : card.IsWhy ? (card.IsUnanswered ? ChartTheme.Yellow : ChartTheme.Blurple) : ChartTheme.Line;
        if (card.IsRootCause || card.IsUnanswered)
        {
            using var border = new SKPaint { Color = accent, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
            if (card.IsUnanswered)
            {
                border.PathEffect = SKPathEffect.CreateDash([6, 4], 0);
            }

            canvas.DrawRoundRect(rect, 6, 6, border);
        }

        using var bar = new SKPaint { Color = accent, IsAntialias = true };
        canvas.Save();
        canvas.ClipRoundRect(new SKRoundRect(rect, 6, 6), antialias: true);
        canvas.DrawRect(SKRect.Create(box.X, box.Y, 4, box.Height), bar);
        canvas.Restore();

        var left = box.X + WhyCard.Padding + 4;
        var baseline = box.Y + WhyCard.Padding + WhyCard.HeaderSize;
        using var headerPaint = new SKPaint { Color = HeaderColor(card), IsAntialias = true };
        var header = card.Header;
        if (card.IsRootCause)
        {
            var badgeLeft = DrawBadge(canvas, RootCauseBadge, box.X + box.Width - WhyCard.Padding, box.Y + WhyCard.Padding - 3, headerFont);
            if (left + headerFont.MeasureText(header) + 8 > badgeLeft)
            {
                // A deep label and the badge do not both fit: the label alone says it is an answer.
                header = TextFit.OneLine(header.Replace("ANSWER ", "", StringComparison.Ordinal), 40);
            }
        }

        canvas.DrawText(header, left, baseline, SKTextAlign.Left, headerFont, headerPaint);

        using var textPaint = new SKPaint { Color = ChartTheme.Text, IsAntialias = true };
        var y = box.Y + WhyCard.Padding + WhyCard.HeaderHeight + 4 + WhyCard.TextSize;
        foreach (var line in card.Lines)
        {
            canvas.DrawText(line, left, y, SKTextAlign.Left, textFont, textPaint);
            y += WhyCard.LineHeight;
        }
    }

    private const string RootCauseBadge = "ROOT CAUSE";

    // Returns the badge's left edge.
    private static float DrawBadge(SKCanvas canvas, string text, float right, float top, SKFont font)
    {
        var width = font.MeasureText(text) + 12;
        var rect = SKRect.Create(right - width, top, width, WhyCard.HeaderHeight + 2);
        using var fill = new SKPaint { Color = ChartTheme.Red, IsAntialias = true };
        using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawRoundRect(rect, 4, 4, fill);
        canvas.DrawText(text, rect.Left + 6, rect.Top + WhyCard.HeaderSize + 2, SKTextAlign.Left, font, paint);
        return rect.Left;
    }

    private static SKColor HeaderColor(WhyCard card) =>
        card.IsRootCause ? SKColor.Parse("#FFB3B5")
        : card.IsUnanswered ? ChartTheme.Yellow
        : card.IsWhy ? SKColor.Parse("#A5ACFF")
        : ChartTheme.MutedText;

    private static string AltText(Core.Postmortem postmortem, string part, List<WhyCardSummary> visible, WhyTree tree)
    {
        var whys = visible.Count(c => c.IsWhy);
        var causes = visible.Where(c => c.IsRootCause).Select(c => c.Label).ToList();
        var causeText = causes.Count == 0 ? "no root cause marked yet" : "root causes " + string.Join(", ", causes);
        var scope = part.Length == 0 ? "" : $" ({part.TrimStart(' ', '·').Trim()} of {tree.Roots.Count} top-level whys)";
        return $"Five Whys tree of postmortem #{postmortem.Id}{scope}: {Plural(whys, "why", "whys")}, "
            + $"{Plural(visible.Count - whys, "answer", "answers")}; {causeText}.";
    }

    private static string Plural(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    private sealed record WhyCardSummary(bool IsWhy, bool IsRootCause, string Label);
}
