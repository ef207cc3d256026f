namespace Postmortem.Core.Metrics;

public enum MetricKind
{
    Image,
    Table,
}
