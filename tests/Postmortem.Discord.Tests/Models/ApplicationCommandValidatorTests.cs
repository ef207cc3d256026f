using Postmortem.Discord.Models;

namespace Postmortem.Discord.Tests.Models;

public sealed class ApplicationCommandValidatorTests
{
    private static ApplicationCommandOption Text(string name, bool required = false) =>
        new() { Type = ApplicationCommandOptionType.String, Name = name, Description = "text", Required = required };

    private static ApplicationCommand Command(params ApplicationCommandOption[] options) =>
        new() { Name = "postmortem", Description = "Run a postmortem", Options = options };

    [Theory]
    [InlineData("postmortem")]
    [InlineData("why-5")]
    [InlineData("what's_next")]
    [InlineData("ärger")]
    [InlineData("कार्य")] // Devanagari with combining vowel signs
    [InlineData("งาน")]
    public void IsValidName_AcceptsDiscordNames(string name) => Assert.True(ApplicationCommandValidator.IsValidName(name));

    [Theory]
    [InlineData("")]
    [InlineData("Postmortem")]
    [InlineData("post mortem")]
    [InlineData("post/mortem")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefg")]
    public void IsValidName_RejectsOthers(string name) => Assert.False(ApplicationCommandValidator.IsValidName(name));

    [Fact]
    public void Validate_AcceptsAWellFormedCommand() =>
        Assert.Empty(ApplicationCommandValidator.Validate(Command(
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommandGroup,
                Name = "action",
                Description = "Actions",
                Options = [new() { Type = ApplicationCommandOptionType.SubCommand, Name = "add", Description = "Add", Options = [Text("text", required: true)] }],
            })));

    [Fact]
    public void Validate_ReportsEachProblemWithItsPath()
    {
        var command = new ApplicationCommand
        {
            Name = "Postmortem",
            Description = new string('x', 101),
            Options = [Text("optional"), Text("required", required: true), Text("optional")],
        };

        var problems = ApplicationCommandValidator.Validate(command);

        Assert.Contains(problems, p => p.Contains("must be lowercase", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Postmortem: description", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Postmortem.required: required options must come before", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Postmortem.optional: option names must be unique", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LimitsOptionsAndChoices()
    {
        var tooManyOptions = Command([.. Enumerable.Range(0, 26).Select(i => Text($"o{i}"))]);
        var tooManyChoices = Command(new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = "pick",
            Description = "Pick",
            Choices = [.. Enumerable.Range(0, 26).Select(i => ApplicationCommandChoice.Create($"c{i}", $"v{i}"))],
        });
        var longChoice = Command(new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = "pick",
            Description = "Pick",
            Choices = [ApplicationCommandChoice.Create("c", new string('v', 101))],
        });

        Assert.Contains(ApplicationCommandValidator.Validate(tooManyOptions), p => p.Contains("at most 25 options", StringComparison.Ordinal));
        Assert.Contains(ApplicationCommandValidator.Validate(tooManyChoices), p => p.Contains("at most 25 choices", StringComparison.Ordinal));
        Assert.Contains(ApplicationCommandValidator.Validate(longChoice), p => p.Contains("exceeds 100", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RejectsMixingSubcommandsWithOptionsAndDeepNesting()
    {
        var mixed = Command(new() { Type = ApplicationCommandOptionType.SubCommand, Name = "sub", Description = "Sub" }, Text("loose"));
        var deep = Command(new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.SubCommandGroup,
            Name = "group",
            Description = "Group",
            Options = [new() { Type = ApplicationCommandOptionType.SubCommandGroup, Name = "inner", Description = "Inner" }],
        });

        Assert.Contains(ApplicationCommandValidator.Validate(mixed), p => p.Contains("cannot be mixed", StringComparison.Ordinal));
        Assert.Contains(ApplicationCommandValidator.Validate(deep), p => p.Contains("may only contain subcommands", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UserCommandsMayHaveSpacesButNoDescription()
    {
        Assert.Empty(ApplicationCommandValidator.Validate(new ApplicationCommand { Type = ApplicationCommandType.User, Name = "Invite to Postmortem" }));
        Assert.NotEmpty(ApplicationCommandValidator.Validate(new ApplicationCommand { Type = ApplicationCommandType.Message, Name = "Quote", Description = "x" }));
    }

    [Fact]
    public void EnsureValid_ThrowsWithAllProblemsAndDuplicates()
    {
        var error = Assert.Throws<ArgumentException>(() => ApplicationCommandValidator.EnsureValid([Command(), Command(), new ApplicationCommand { Name = "BAD", Description = "d" }]));

        Assert.Contains("postmortem: defined 2 times", error.Message, StringComparison.Ordinal);
        Assert.Contains("BAD: name 'BAD' must be lowercase", error.Message, StringComparison.Ordinal);
    }
}
