namespace Postmortem.Terminal.Input;

/// <summary>A <c>--name</c> option a verb accepts, with or without a value.</summary>
public sealed record OptionSpec(string Name, bool TakesValue = true)
{
    public static OptionSpec Flag(string name) => new(name, TakesValue: false);
}
