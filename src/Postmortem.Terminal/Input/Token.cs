namespace Postmortem.Terminal.Input;

/// <summary>One word of a command line: its value (quotes removed) and where it sits in the raw line.</summary>
public readonly record struct Token(string Value, int Start, int End, bool Quoted);
