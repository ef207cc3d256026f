using Postmortem.Core.Commands;

namespace Postmortem.Core.Pictures;

/// <summary>A chart, or why there is none (a <see cref="UserError"/> to show as it is).</summary>
public sealed record ChartOutcome(PostmortemImage? Image, UserError? Error)
{
    public static ChartOutcome Of(PostmortemImage image) => new(image, null);

    public static ChartOutcome Refused(string message) => new(null, UserError.Invalid(message));
}
