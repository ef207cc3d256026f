using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;

namespace Postmortem.Reminders;

/// <summary>Fails startup with one line per problem in the "Reminders" section.</summary>
public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var (key, value) in new[] { ("LocalTime", options.LocalTime), ("DigestTime", options.DigestTime) })
        {
            if (!TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add($"Reminders:{key} '{value}' must be a time like 09:00.");
            }
        }

        if (options.Workers is < 1 or > 64)
        {
            problems.Add("Reminders:Workers must be between 1 and 64.");
        }

        if (options.QueueCapacity < 1 || options.PageSize is < 1 or > 1000)
        {
            problems.Add("Reminders:QueueCapacity must be positive and Reminders:PageSize between 1 and 1000.");
        }

        if (options.SyncInterval < TimeSpan.FromSeconds(1) || options.RetryBaseDelay <= TimeSpan.Zero
            || options.MaxRetryDelay < options.RetryBaseDelay || options.MaxAttempts < 1)
        {
            problems.Add("Reminders: SyncInterval must be at least 1 s, RetryBaseDelay positive, MaxRetryDelay not below it, MaxAttempts at least 1.");
        }

        if (!CronExpression.TryParse(options.StaleSweepCron, out _))
        {
            problems.Add($"Reminders:StaleSweepCron '{options.StaleSweepCron}' is not a Quartz cron expression (e.g. \"0 0 10 * * ?\").");
        }

        if (problems.Count == 0 && options.ToDefaultSettings(TimeZoneInfo.Utc).Validate() is { } settingsProblem)
        {
            problems.Add("Reminders: " + settingsProblem);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
