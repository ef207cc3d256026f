using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Postmortem.DiscordBot.Tests.Dashboard;

/// <summary>
/// A rough picture of a recorded message as Discord's dark theme would show it: embeds (colour bar, title,
/// description, fields, footer), Components V2 (container with accent bar, text displays, separators, sections
/// with their button) and button rows. Enough to compare two layouts side by side, not a Discord client.
/// </summary>
internal static partial class MessagePreview
{
    private const float Width = 620;
    private const float Pad = 16;
    private static readonly SKColor _background = new(0x31, 0x33, 0x38);
    private static readonly SKColor _card = new(0x2B, 0x2D, 0x31);
    private static readonly SKColor _text = new(0xDB, 0xDE, 0xE1);
    private static readonly SKColor _muted = new(0x94, 0x9B, 0xA4);
    private static readonly SKColor _buttonGrey = new(0x4E, 0x50, 0x58);
    private static readonly SKColor _buttonBlurple = new(0x58, 0x65, 0xF2);

    private static readonly Lazy<SKTypeface> _regular = new(() => Font("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> _bold = new(() => Font("DejaVuSans-Bold.ttf"));

    public static byte[] Render(JsonArray embeds, JsonArray components)
    {
        using var surface = SKSurface.Create(new SKImageInfo((int)Width, 4000));
        var canvas = surface.Canvas;
        canvas.Clear(_background);
        var y = Pad;
        foreach (var embed in embeds.OfType<JsonObject>())
        {
            y = DrawEmbed(canvas, embed, y) + 8;
        }

        foreach (var component in components.OfType<JsonObject>())
        {
            y = DrawComponent(canvas, component, Pad, Width - Pad, y) + 8;
        }

        using var image = surface.Snapshot(new SKRectI(0, 0, (int)Width, (int)(y + Pad)));
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static float DrawEmbed(SKCanvas canvas, JsonObject embed, float top)
    {
        var left = Pad + 4;
        var right = Width - Pad;
        using var picture = new SKPictureRecorder();
        var y = top + 12;
        var lines = new List<(string Text, float Size, bool Bold, SKColor Colour, float Gap)>();
        if (embed["title"]?.GetValue<string>() is { } title)
        {
            lines.Add((title, 16, true, SKColors.White, 6));
        }

        foreach (var line in (embed["description"]?.GetValue<string>() ?? "").Split('\n'))
        {
            lines.Add((line, 14, false, _text, 2));
        }

        foreach (var field in (embed["fields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            lines.Add(("", 6, false, _text, 0));
            lines.Add((field["name"]!.GetValue<string>(), 14, true, SKColors.White, 2));
            lines.AddRange(field["value"]!.GetValue<string>().Split('\n').Select(l => (l, 14f, false, _text, 2f)));
        }

        if (embed["footer"]?["text"]?.GetValue<string>() is { } footer)
        {
            lines.Add(("", 6, false, _text, 0));
            lines.Add((footer, 12, false, _muted, 2));
        }

        var height = lines.Sum(l => Measure(l.Text, l.Size, l.Bold, right - left - 24) + l.Gap) + 24;
        using var cardPaint = new SKPaint { Color = _card, IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(Pad, top, right, top + height), 4, 4, cardPaint);
        using var bar = new SKPaint { Color = Colour(embed["color"]?.GetValue<int>() ?? 0x5865F2) };
        canvas.DrawRect(new SKRect(Pad, top, Pad + 4, top + height), bar);
        foreach (var (text, size, bold, colour, gap) in lines)
        {
            y = DrawText(canvas, text, left + 12, right - 12, y, size, bold, colour) + gap;
        }

        return top + height;
    }

    private static float DrawComponent(SKCanvas canvas, JsonObject component, float left, float right, float top)
    {
        switch (component["type"]?.GetValue<int>())
        {
            case 17:
                // Measure by drawing into a throwaway canvas first, then draw the card behind the real pass.
                var height = Children(component).Aggregate(top + 14, (y, c) => DrawComponent(_nullCanvas, c, left + 18, right - 14, y) + 8) - top + 6;
                using (var cardPaint = new SKPaint { Color = _card, IsAntialias = true })
                {
                    canvas.DrawRoundRect(new SKRect(left, top, right, top + height), 8, 8, cardPaint);
                }

                if (component["accent_color"]?.GetValue<int>() is { } accent)
                {
                    using var bar = new SKPaint { Color = Colour(accent) };
                    canvas.DrawRect(new SKRect(left, top, left + 4, top + height), bar);
                }

                var inner = top + 14;
                foreach (var child in Children(component))
                {
                    inner = DrawComponent(canvas, child, left + 18, right - 14, inner) + 8;
                }

                return top + height;
            case 10:
                return DrawMarkdown(canvas, component["content"]!.GetValue<string>(), left, right, top);
            case 14:
                using (var line = new SKPaint { Color = new SKColor(0x3F, 0x41, 0x47), StrokeWidth = 1 })
                {
                    canvas.DrawLine(left, top + 6, right, top + 6, line);
                }

                return top + 12;
            case 9:
                var accessoryWidth = component["accessory"] is JsonObject accessory ? ButtonWidth(accessory) + 12 : 0;
                var bottom = Children(component).Aggregate(top, (y, c) => DrawComponent(canvas, c, left, right - accessoryWidth, y));
                if (component["accessory"] is JsonObject button)
                {
                    DrawButton(canvas, button, right - accessoryWidth + 12, top + Math.Max(0, (bottom - top - 30) / 2));
                    bottom = Math.Max(bottom, top + 30);
                }

                return bottom;
            case 1:
                var x = left;
                foreach (var child in Children(component))
                {
                    x = DrawButton(canvas, child, x, top) + 8;
                }

                return top + 32;
            default:
                return top;
        }
    }

    private static IEnumerable<JsonObject> Children(JsonObject component) => (component["components"] as JsonArray ?? []).OfType<JsonObject>();

    private static float DrawMarkdown(SKCanvas canvas, string markdown, float left, float right, float top)
    {
        var y = top;
        foreach (var raw in markdown.Split('\n'))
        {
            var (text, size, bold, colour) = raw switch
            {
                _ when raw.StartsWith("### ", StringComparison.Ordinal) => (raw[4..], 17f, true, SKColors.White),
                _ when raw.StartsWith("-# ", StringComparison.Ordinal) => (raw[3..], 12f, false, _muted),
                _ => (raw, 14f, false, _text),
            };
            y = DrawText(canvas, text, left, right, y, size, bold, colour) + 2;
        }

        return y;
    }

    private static float ButtonWidth(JsonObject button) => Measure(button["label"]?.GetValue<string>() ?? "", 14, bold: false, float.MaxValue, width: true) + 28;

    private static float DrawButton(SKCanvas canvas, JsonObject button, float x, float y)
    {
        var width = ButtonWidth(button);
        using var paint = new SKPaint { Color = button["style"]?.GetValue<int>() == 1 ? _buttonBlurple : _buttonGrey, IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(x, y, x + width, y + 30), 4, 4, paint);
        DrawText(canvas, button["label"]?.GetValue<string>() ?? "", x + 14, x + width, y + 6, 14, false, SKColors.White);
        return x + width;
    }

    // Draws wrapped text (markdown emphasis dropped); a leading state icon becomes a coloured dot, since the
    // embedded font has no emoji. Returns the y below the text.
    private static float DrawText(SKCanvas canvas, string text, float left, float right, float top, float size, bool bold, SKColor colour)
    {
        var clean = Plain(text);
        if (_dots.TryGetValue(clean.Split(' ')[0], out var dot))
        {
            using var dotPaint = new SKPaint { Color = dot, IsAntialias = true };
            canvas.DrawCircle(left + 6, top + size * 0.65f, 5, dotPaint);
            left += 18;
            clean = clean[(clean.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        }

        clean = Emoji().Replace(clean, "").Trim();
        using var font = new SKFont(bold ? _bold.Value : _regular.Value, size);
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        var y = top;
        foreach (var line in Wrap(clean, font, right - left))
        {
            canvas.DrawText(line, left, y + size, SKTextAlign.Left, font, paint);
            y += size * 1.35f;
        }

        return y;
    }

    private static float Measure(string text, float size, bool bold, float maxWidth, bool width = false)
    {
        using var font = new SKFont(bold ? _bold.Value : _regular.Value, size);
        var clean = Emoji().Replace(Plain(text), "");
        return width ? font.MeasureText(clean) : Wrap(clean, font, maxWidth).Count * size * 1.35f;
    }

    private static List<string> Wrap(string text, SKFont font, float maxWidth)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && font.MeasureText(candidate) > maxWidth)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        lines.Add(current);
        return lines;
    }

    private static string Plain(string text) => text.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal);

    private static readonly Dictionary<string, SKColor> _dots = new(StringComparer.Ordinal)
    {
        ["✅"] = new SKColor(0x57, 0xF2, 0x87),
        ["🟡"] = new SKColor(0xFE, 0xE7, 0x5C),
        ["⏭️"] = _muted,
        ["⬜"] = new SKColor(0x6D, 0x6F, 0x78),
    };

    private static SKColor Colour(int rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    private static readonly SKCanvas _nullCanvas = new(new SKBitmap(1, 1));

    private static SKTypeface Font(string file)
    {
        var assembly = typeof(Charts.ChartsServiceCollectionExtensions).Assembly;
        using var stream = assembly.GetManifestResourceStream("Postmortem.Charts.Fonts." + file)!;
        return SKTypeface.FromStream(stream);
    }

    [GeneratedRegex(@"[\u2190-\u21FF\u2300-\u23FF\u2460-\u27BF\u2B00-\u2BFF\uFE0F]|\p{Cs}")]
    private static partial Regex Emoji();
}
