using System.Globalization;
using System.Text.RegularExpressions;
using Postmortem.Core.Metrics;

namespace Postmortem.Charts.Metrics;

/// <summary>A column of numbers from a Metrics table, with the unit its cells carried ("%", "ms") if they all agree.</summary>
internal sealed record NumericColumn(string Name, IReadOnlyList<double?> Values, string Unit);

/// <summary>
/// What of a Markdown table can be charted: the columns whose cells are all numbers ("1,234", "12.5 %", "250 ms";
/// empty cells are gaps) and the labels for the rows (the first other column, or the row numbers).
/// </summary>
internal sealed partial record NumericTable(string LabelName, IReadOnlyList<string> Labels, IReadOnlyList<NumericColumn> Series, bool LabelsAreOrdered)
{
    public static NumericTable? From(TableRows table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.Count == 0)
        {
            return null;
        }

        var numeric = new List<(int Index, NumericColumn Column)>();
        for (var c = 0; c < table.Header.Count; c++)
        {
            if (Column(table, c) is { } column)
            {
                numeric.Add((c, column));
            }
        }

        if (numeric.Count == 0)
        {
            return null;
        }

        var labelIndex = Enumerable.Range(0, table.Header.Count).FirstOrDefault(c => numeric.All(n => n.Index != c), -1);
        if (labelIndex < 0 && numeric.Count > 1 && IsIncreasing(numeric[0].Column.Values))
        {
            // Every column is numeric and the first one counts up (day 1, 2, 3): it labels the rows.
            labelIndex = numeric[0].Index;
        }

        var series = numeric.Where(n => n.Index != labelIndex).Select(n => n.Column).ToList();
        var labels = labelIndex < 0
            ? [.. Enumerable.Range(1, table.Rows.Count).Select(i => i.ToString(CultureInfo.InvariantCulture))]
            : table.Rows.Select(r => r[labelIndex]).ToList();
        var labelName = labelIndex < 0 ? "Row" : table.Header[labelIndex];
        var ordered = labelIndex >= 0 && (numeric.Any(n => n.Index == labelIndex) || labels.All(LooksLikeTime));
        return new NumericTable(labelName, labels, series, ordered);
    }

    private static NumericColumn? Column(TableRows table, int index)
    {
        var values = new List<double?>(table.Rows.Count);
        var units = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var cell = row[index].Trim();
            if (cell.Length == 0 || cell is "-" or "—" or "n/a")
            {
                values.Add(null);
                continue;
            }

            var match = Number().Match(cell);
            if (!match.Success || !double.TryParse(match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal),
                    NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                return null;
            }

            values.Add(value);
            units.Add(match.Groups["unit"].Value.Trim());
        }

        return values.Any(v => v is not null)
            ? new NumericColumn(table.Header[index], values, units.Count == 1 ? units.Single() : "")
            : null;
    }

    private static bool IsIncreasing(IReadOnlyList<double?> values)
    {
        double? previous = null;
        foreach (var value in values)
        {
            if (value is not { } v || (previous is { } p && v <= p))
            {
                return false;
            }

            previous = v;
        }

        return true;
    }

    private static bool LooksLikeTime(string label) =>
        TimeOnly.TryParse(label, CultureInfo.InvariantCulture, out _)
        || DateTime.TryParse(label, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || DayName().IsMatch(label);

    // "1,234", "-3.5", "12 %", "250ms", "$40", "1.2e3": a number, optionally with a short unit before or after it.
    [GeneratedRegex(@"^(?<prefix>[$€£]?)\s*(?<number>[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?)\s*(?<unit>%|[a-zA-Z/µ]{1,6})?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(mon|tue|wed|thu|fri|sat|sun|day \d+)", RegexOptions.IgnoreCase)]
    private static partial Regex DayName();
}
