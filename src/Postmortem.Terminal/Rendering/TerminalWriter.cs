namespace Postmortem.Terminal.Rendering;

/// <summary>Writes the session's output; ANSI styles only when the output is a real terminal.</summary>
public sealed class TerminalWriter(TextWriter output, bool useAnsi)
{
    private const string Bold = "1";
    private const string Red = "31";
    private const string Green = "32";
    private const string Yellow = "33";
    private const string Dim = "2";

    public void Line(string text = "") => output.WriteLine(text);

    public void Heading(string text) => Line(Style(text, Bold));

    public void Ok(string text) => Line(Style("ok: ", Green) + text);

    public void Error(string text) => Line(Style("error: ", Red) + text);

    /// <summary>A labelled remark such as <c>nudge:</c> or <c>note:</c>.</summary>
    public void Remark(string label, string text) => Line(Style(label + ": ", Yellow) + text);

    public void Faint(string text) => Line(Style(text, Dim));

    /// <summary>Multi-line text, every line indented.</summary>
    public void Block(string text, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            Line(line.Length == 0 ? "" : pad + line);
        }
    }

    /// <summary>The interactive prompt (no newline).</summary>
    public void Prompt(string text)
    {
        output.Write(Style(text, Bold));
        output.Flush();
    }

    private string Style(string text, string code) => useAnsi ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
