namespace Postmortem.Discord.Emulator;

public sealed class EmulatedRole
{
    internal EmulatedRole(ulong id, EmulatedGuild guild, string name, DiscordPermissions permissions, int position)
    {
        Id = id;
        Guild = guild;
        Name = name;
        Permissions = permissions;
        Position = position;
    }

    public ulong Id { get; }

    public EmulatedGuild Guild { get; }

    public string Name { get; }

    public DiscordPermissions Permissions { get; internal set; }

    public int Position { get; }

    public bool IsEveryone => Id == Guild.Id;

    public string Mention => IsEveryone ? "@everyone" : $"<@&{Id}>";

    public override string ToString() => $"@{Name} ({Id})";
}
