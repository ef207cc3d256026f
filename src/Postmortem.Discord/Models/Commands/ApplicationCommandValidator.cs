using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Postmortem.Discord.Models;

/// <summary>
/// Discord's documented rules for command definitions (interactions/application-commands), checked locally so a bad
/// definition fails at startup with a readable list instead of a 50035 from Discord. The emulator enforces them too.
/// </summary>
public static partial class ApplicationCommandValidator
{
    public const int MaxNameLength = 32;
    public const int MaxDescriptionLength = 100;
    public const int MaxOptions = 25;
    public const int MaxChoices = 25;
    public const int MaxChoiceValueLength = 100;
    public const int MaxStringOptionLength = 6000;
    public const int MaxTotalTextLength = 8000;

    // Discord's pattern is ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$. .NET has no script classes (\p{sc=...}),
    // so the Devanagari and Thai blocks stand in for them; every letter and digit of both is already in \p{L}/\p{N},
    // the blocks only add their combining marks, which is what the script classes are there for.
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex ChatInputName();

    /// <summary>All problems with the command, as "path: problem" lines; empty when Discord would accept it.</summary>
    public static IReadOnlyList<string> Validate(ApplicationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<string>();
        var path = string.IsNullOrEmpty(command.Name) ? "command" : command.Name;

        if (command.Type == ApplicationCommandType.ChatInput)
        {
            CheckName(path, command.Name, problems);
            CheckDescription(path, command.Description, problems);
            CheckOptions(path, command.Options ?? [], depth: 0, problems);
        }
        else
        {
            if (command.Name.Length is < 1 or > MaxNameLength)
            {
                problems.Add($"{path}: name must be 1–{MaxNameLength} characters");
            }

            if (command.Description.Length != 0 || command.Options is { Count: > 0 })
            {
                problems.Add($"{path}: user and message commands take no description or options");
            }
        }

        if (TotalText(command) > MaxTotalTextLength)
        {
            problems.Add($"{path}: names, descriptions and choice values exceed {MaxTotalTextLength} characters in total");
        }

        return problems;
    }

    /// <summary>Throws with every problem listed when any command is invalid, or two share a name and type.</summary>
    public static void EnsureValid(IEnumerable<ApplicationCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var list = commands.ToList();
        var problems = list.SelectMany(Validate).ToList();
        problems.AddRange(list.GroupBy(c => (c.Type, c.Name)).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Name}: defined {g.Count()} times"));
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid application commands:" + Environment.NewLine + string.Join(Environment.NewLine, problems), nameof(commands));
        }
    }

    /// <summary>True when <paramref name="name"/> is a valid slash-command or option name.</summary>
    public static bool IsValidName(string name) =>
        ChatInputName().IsMatch(name) && string.Equals(name, name.ToLower(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static void CheckName(string path, string name, List<string> problems)
    {
        if (!ChatInputName().IsMatch(name))
        {
            problems.Add($"{path}: name '{name}' must be 1–{MaxNameLength} letters, digits, '-', '_' or '''");
        }
        else if (!IsValidName(name))
        {
            problems.Add($"{path}: name '{name}' must be lowercase");
        }
    }

    private static void CheckDescription(string path, string description, List<string> problems)
    {
        if (description.Length is < 1 or > MaxDescriptionLength)
        {
            problems.Add($"{path}: description must be 1–{MaxDescriptionLength} characters");
        }
    }

    private static void CheckOptions(string path, IReadOnlyList<ApplicationCommandOption> options, int depth, List<string> problems)
    {
        if (options.Count > MaxOptions)
        {
            problems.Add($"{path}: at most {MaxOptions} options");
        }

        var nesting = options.Count(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup);
        if (nesting > 0 && nesting < options.Count)
        {
            problems.Add($"{path}: subcommands cannot be mixed with other options");
        }

        var seenOptional = false;
        foreach (var option in options)
        {
            var optionPath = $"{path}.{option.Name}";
            CheckName(optionPath, option.Name, problems);
            CheckDescription(optionPath, option.Description, problems);

            if (options.Count(o => string.Equals(o.Name, option.Name, StringComparison.Ordinal)) > 1)
            {
                problems.Add($"{optionPath}: option names must be unique");
            }

            if (option.Required == true && seenOptional)
            {
                problems.Add($"{optionPath}: required options must come before optional ones");
            }

            seenOptional |= option.Required != true;
            CheckOption(optionPath, option, depth, problems);
        }
    }

    private static void CheckOption(string path, ApplicationCommandOption option, int depth, List<string> problems)
    {
        switch (option.Type)
        {
            case ApplicationCommandOptionType.SubCommandGroup:
                if (depth > 0)
                {
                    problems.Add($"{path}: a subcommand group can only sit at the top level");
                }

                if ((option.Options ?? []).Any(o => o.Type != ApplicationCommandOptionType.SubCommand))
                {
                    problems.Add($"{path}: a subcommand group may only contain subcommands");
                }

                CheckOptions(path, option.Options ?? [], depth + 1, problems);
                return;
            case ApplicationCommandOptionType.SubCommand:
                if (depth > 1)
                {
                    problems.Add($"{path}: nested too deeply (command → group → subcommand)");
                }

                if ((option.Options ?? []).Any(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup))
                {
                    problems.Add($"{path}: a subcommand cannot contain subcommands");
                }

                CheckOptions(path, option.Options ?? [], depth + 1, problems);
                return;
        }

        if (option.Options is { Count: > 0 })
        {
            problems.Add($"{path}: only subcommands and groups have options");
        }

        CheckChoices(path, option, problems);

        if (option.MinLength is < 0 or > MaxStringOptionLength || option.MaxLength is < 1 or > MaxStringOptionLength)
        {
            problems.Add($"{path}: min_length must be 0–{MaxStringOptionLength} and max_length 1–{MaxStringOptionLength}");
        }
    }

    private static void CheckChoices(string path, ApplicationCommandOption option, List<string> problems)
    {
        var choices = option.Choices ?? [];
        if (choices.Count == 0)
        {
            return;
        }

        if (option.Type is not (ApplicationCommandOptionType.String or ApplicationCommandOptionType.Integer or ApplicationCommandOptionType.Number))
        {
            problems.Add($"{path}: only string, integer and number options have choices");
        }

        if (option.Autocomplete == true)
        {
            problems.Add($"{path}: choices and autocomplete are mutually exclusive");
        }

        if (choices.Count > MaxChoices)
        {
            problems.Add($"{path}: at most {MaxChoices} choices");
        }

        foreach (var choice in choices)
        {
            if (choice.Name.Length is < 1 or > MaxDescriptionLength)
            {
                problems.Add($"{path}: choice name '{choice.Name}' must be 1–{MaxDescriptionLength} characters");
            }

            if (choice.Value.ValueKind == JsonValueKind.String && choice.ValueText.Length > MaxChoiceValueLength)
            {
                problems.Add($"{path}: choice value for '{choice.Name}' exceeds {MaxChoiceValueLength} characters");
            }
        }
    }

    private static int TotalText(ApplicationCommand command) =>
        command.Name.Length + command.Description.Length + (command.Options ?? []).Sum(OptionText);

    private static int OptionText(ApplicationCommandOption option) =>
        option.Name.Length + option.Description.Length
        + (option.Choices ?? []).Sum(c => c.Name.Length + c.ValueText.Length)
        + (option.Options ?? []).Sum(OptionText);
}
