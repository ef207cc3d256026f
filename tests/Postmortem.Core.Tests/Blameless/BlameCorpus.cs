using System.Text.Json;
using System.Text.Json.Serialization;
using Postmortem.Core.Blameless;

namespace Postmortem.Core.Tests.Blameless;

/// <summary>One labelled sentence: is it blame, what kind of sentence it is, and where it was written.</summary>
public sealed record CorpusSentence(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("blame")] bool Blame,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("where")] string? Where = null)
{
    public BlamelessPlace Place => Where == "action" ? BlamelessPlace.ActionItem : BlamelessPlace.Narrative;
}

/// <summary>How the check did on a corpus: precision, recall and every miss (false positives and negatives).</summary>
public sealed record CorpusScore(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, IReadOnlyList<CorpusSentence> Misses)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public string Report(string name)
    {
        var lines = new List<string>
        {
            $"{name}: {TruePositives + FalsePositives + FalseNegatives + TrueNegatives} sentences, precision {Precision:F3}, recall {Recall:F3} "
            + $"(TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives}, TN {TrueNegatives})",
        };
        foreach (var group in Misses.GroupBy(m => m.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            lines.Add($"  misses in {group.Key} ({group.Count()}):");
            lines.AddRange(group.Select(m => $"    [{(m.Blame ? "missed blame" : "false alarm")}] {m.Text}"));
        }

        return string.Join('\n', lines);
    }
}

public static class BlameCorpus
{
    /// <summary>
    /// The people the corpus sentences are about, as a postmortem would know them (participants' display names and
    /// user names). Bartek, Siobhan, Yusuf, Lena and Pablo are deliberately missing: unknown capitalised names.
    /// </summary>
    public static readonly KnownNames Roster = new(
    [
        "Sam", "Nadia", "Lee", "Priya", "Tomasz", "Jordan", "Mei", "Olu", "Diego", "Grace", "Felix", "Ravi", "Ana",
        "Kofi", "Marta", "Jonas", "Chen", "Ines", "Hugo", "Zara", "jdoe", "kmiller", "devon_ops",
    ]);

    public static IReadOnlyList<CorpusSentence> Load(string file) =>
    [
        .. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Blameless", "Corpus", file))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<CorpusSentence>(line) ?? throw new InvalidDataException(line)),
    ];

    public static CorpusScore Score(IEnumerable<CorpusSentence> sentences)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var misses = new List<CorpusSentence>();
        foreach (var sentence in sentences)
        {
            var flagged = BlamelessCheck.Check(sentence.Text, Roster, sentence.Place).Count > 0;
            switch (flagged, sentence.Blame)
            {
                case (true, true): tp++; break;
                case (false, false): tn++; break;
                case (true, false): fp++; misses.Add(sentence); break;
                case (false, true): fn++; misses.Add(sentence); break;
            }
        }

        return new CorpusScore(tp, fp, fn, tn, misses);
    }
}
