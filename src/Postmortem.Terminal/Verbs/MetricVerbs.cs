using System.Globalization;
using Postmortem.Core.Metrics;
using Postmortem.Terminal.Input;
using Postmortem.Terminal.Rendering;

namespace Postmortem.Terminal.Verbs;

/// <summary>Graphs (image links) and Markdown tables that show the impact.</summary>
public static class MetricVerbs
{
    public static readonly Verb View = new("metrics", "metrics", "Show the graphs and tables.", ViewAsync);

    public static readonly Verb Image = new("metric image", "metric image <url> [<caption>]", "Add a graph by its link.", ImageAsync);

    public static readonly Verb Table = new(
        "metric table",
        "metric table [<caption>]",
        "Add a Markdown table: the following lines (header row, separator row such as | --- | --- |, rows) up to a line holding only \".\".",
        TableAsync)
    {
        TakesBlock = _ => true,
    };

    public static readonly Verb Remove = new("metric remove", "metric remove <#n>", "Remove a graph or table.", RemoveAsync);

    public static IReadOnlyList<Verb> All { get; } = [View, Image, Table, Remove];

    private static async Task<bool> ViewAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (await session.LoadCurrentAsync(cancellationToken) is not { } postmortem)
        {
            return false;
        }

        MetricsView.Write(session.Out, postmortem, "Metrics/Graphs");
        return true;
    }

    private static async Task<bool> ImageAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            return session.Usage(Image);
        }

        var caption = arguments.TextFrom(1);
        return await session.ApplyAsync(new AddMetricImage(arguments[0], null, caption), cancellationToken) is { } outcome
            && session.Done(outcome, $"Added graph #{outcome.Result.CreatedId}.", caption);
    }

    private static async Task<bool> TableAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        var caption = arguments.TextFrom(0);
        if (await session.ReadTextAsync("", cancellationToken) is not { } table)
        {
            return false;
        }

        return await session.ApplyAsync(new AddMetricTable(table, caption), cancellationToken) is { } outcome
            && session.Done(outcome, $"Added table #{outcome.Result.CreatedId}.", caption);
    }

    private static async Task<bool> RemoveAsync(TerminalSession session, VerbArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1 || !int.TryParse(arguments[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return session.Usage(Remove);
        }

        return await session.ApplyAsync(new RemoveMetric(id), cancellationToken) is { } outcome
            && session.Done(outcome, $"Removed graph or table #{id}.");
    }
}
