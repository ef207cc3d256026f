namespace Postmortem.Terminal;

/// <summary>The process exit code the terminal session asks for when it stops the host (0 unless set).</summary>
public sealed class TerminalExitCode
{
    private int _value;

    public int Value
    {
        get => Volatile.Read(ref _value);
        set => Volatile.Write(ref _value, value);
    }
}
