using Postmortem.Core.Guilds;
using Postmortem.Core.Linting;

namespace Postmortem.DiscordBot.Lessons;

/// <summary>The outcome of checking a typed due date: the date, or the error to show; a warning may accompany a date.</summary>
public sealed record DueDateCheck(DateOnly? Due, string? Error, string? Warning)
{
    public bool IsValid => Error is null;
}

/// <summary><see cref="DueDates"/> with this guild's zone, the clock and the configured short-term horizon.</summary>
public sealed class DueDateRules(IGuildSettingsStore settings, TimeProvider time, LintOptions lintOptions)
{
    /// <summary>Checks <paramref name="text"/>; empty text means no due date.</summary>
    public async Task<DueDateCheck> CheckAsync(Core.Postmortem postmortem, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DueDateCheck(null, null, null);
        }

        var zone = (await settings.GetAsync(postmortem.GuildId, cancellationToken)).TimeZone;
        return DueDates.TryParse(text, zone, time.GetUtcNow(), postmortem.CreatedAt, lintOptions.MaxActionItemHorizon, out var due, out var error, out var warning)
            ? new DueDateCheck(due, null, warning)
            : new DueDateCheck(null, error, null);
    }
}
