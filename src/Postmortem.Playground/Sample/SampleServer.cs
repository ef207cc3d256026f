using Postmortem.Discord.Emulator;

namespace Postmortem.Playground.Sample;

/// <summary>
/// The sample server the playground opens with: "Acme Ops" with #incidents, a #postmortems forum and three people,
/// Ana the admin (Manage Server), Ben and Chloe. Each has a DM with the bot, where reminders arrive.
/// </summary>
public sealed record SampleServer(EmulatedGuild Guild, EmulatedChannel Incidents, EmulatedChannel Forum, IReadOnlyList<SamplePerson> People)
{
    public const string GuildName = "Acme Ops";

    public static SampleServer Create(DiscordEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var guild = emulator.CreateGuild(GuildName);
        var incidents = guild.CreateTextChannel("incidents", "Where incidents are called and postmortems start");
        var forum = guild.CreateForumChannel("postmortems", "draft", "in review", "final");
        guild.CreateTextChannel("general");
        SamplePerson[] people =
        [
            new(emulator.CreateUser("ana"), "Ana", IsAdmin: true),
            new(emulator.CreateUser("ben"), "Ben", IsAdmin: false),
            new(emulator.CreateUser("chloe"), "Chloe", IsAdmin: false),
        ];
        foreach (var person in people)
        {
            if (person.IsAdmin)
            {
                guild.AddMember(person.User, DiscordPermissions.ManageGuild);
            }
            else
            {
                guild.AddMember(person.User);
            }

            emulator.OpenDm(person.User);
        }

        return new SampleServer(guild, incidents, forum, people);
    }

    public SamplePerson? Find(ulong userId) => People.FirstOrDefault(p => p.User.Id == userId);
}

/// <summary>Someone the visitor can be in the playground.</summary>
public sealed record SamplePerson(EmulatedUser User, string DisplayName, bool IsAdmin);
