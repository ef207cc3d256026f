using Microsoft.Extensions.Options;

namespace Postmortem.Bot.Engine;

/// <summary>Fails startup with one clear line per problem in the "Postmortem" section.</summary>
public sealed class PostmortemOptionsValidator : IValidateOptions<PostmortemOptions>
{
    public const int MaxHorizonDays = 366;

    public ValidateOptionsResult Validate(string? name, PostmortemOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TemplatePath))
        {
            failures.Add("Postmortem:TemplatePath is required (for example config/templates/rust-compiler-2021.json).");
        }

        if (options.MaxActionItemHorizonDays is < 1 or > MaxHorizonDays)
        {
            failures.Add($"Postmortem:MaxActionItemHorizonDays must be between 1 and {MaxHorizonDays} (was {options.MaxActionItemHorizonDays}).");
        }

        if (!IsKnownTimeZone(options.DefaultTimeZone))
        {
            failures.Add($"Postmortem:DefaultTimeZone \"{options.DefaultTimeZone}\" is not a known time zone; use an IANA id such as Europe/Berlin or UTC.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
