namespace Postmortem.Bot.Hosting;

/// <summary>The process exit code a front end asks for when it stops the host (0 unless set).</summary>
public sealed class BotExitCode
{
    private int _value;

    public int Value
    {
        get => Volatile.Read(ref _value);
        set => Volatile.Write(ref _value, value);
    }
}
