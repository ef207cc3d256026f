namespace Postmortem.Discord.Emulator;

/// <summary>A Discord user: a person a test plays, or the bot itself.</summary>
public sealed class EmulatedUser
{
    internal EmulatedUser(ulong id, string name, bool isBot, bool acceptsDms)
    {
        Id = id;
        Name = name;
        IsBot = isBot;
        AcceptsDms = acceptsDms;
    }

    public ulong Id { get; }

    public string Name { get; }

    public bool IsBot { get; }

    /// <summary>When false, the bot's DMs to this user fail with 403 / 50007, like a user with DMs closed.</summary>
    public bool AcceptsDms { get; set; }

    /// <summary>The mention markup, e.g. <c>&lt;@123&gt;</c>.</summary>
    public string Mention => $"<@{Id}>";

    public override string ToString() => $"{Name} ({Id})";
}
