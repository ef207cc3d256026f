using Postmortem.Discord.Gateway;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.Discord.Tests.Integration.Support;

namespace Postmortem.Discord.Tests.Integration;

/// <summary>
/// A user acts in the emulator, INTERACTION_CREATE reaches a handler through our gateway client, and the handler's
/// answer through our REST client is accepted by Discord's rules (within 3 s, valid for the schema).
/// </summary>
public sealed class InteractionRoundTripTests
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task SlashCommand_WithSubcommandAndOptions_ReachesTheHandlerTyped_AndItsReplyIsAccepted()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        var bob = discord.Emulator.CreateUser("bob");
        discord.Guild.AddMember(bob);
        var received = new TaskCompletionSource<Interaction>(TaskCreationOptions.RunContinuationsAsynchronously);
        await ConnectAsync(discord, async (interaction, ct) =>
        {
            received.TrySetResult(interaction);
            var data = interaction.Data!;
            var reply = $"Started \"{data.GetString("title")}\" (SEV{data.GetInt64("severity")}), owner <@{data.GetUser("owner")!.Id}>";
            await discord.Rest.RespondAsync(interaction, InteractionResponse.Message(new MessagePayload { Content = reply }), ct);
        });

        var handle = await discord.Emulator.RunSlashCommandAsync(discord.User, discord.Channel, "postmortem", "start",
            new Dictionary<string, object?> { ["title"] = "Database outage", ["severity"] = 2, ["owner"] = bob, ["private"] = false });
        var response = await handle.ResponseAsync();

        var interaction = await received.Task;
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("postmortem", interaction.Data!.Name);
        Assert.Equal("start", interaction.Data.GetSubcommand());
        Assert.Equal("Database outage", interaction.Data.GetString("title"));
        Assert.Equal(2, interaction.Data.GetInt64("severity"));
        Assert.Equal(bob.Id, interaction.Data.GetUser("owner")!.Id.Value);
        Assert.False(interaction.Data.GetBoolean("private"));
        Assert.Equal(discord.User.Id, interaction.User!.Id.Value);
        Assert.Equal(discord.Guild.Id, interaction.GuildId!.Value.Value);
        Assert.Equal(discord.Channel.Id, interaction.ChannelId!.Value.Value);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, (InteractionCallbackType)response.Type);
        Assert.Equal($"Started \"Database outage\" (SEV2), owner <@{bob.Id}>", response.Content);
        Assert.True(response.At - handle.CreatedAt < _deadline);
        // The reply names bob but, with the client's default allowed_mentions, notifies nobody.
        Assert.True(Assert.Single(handle.Messages).Pings.IsEmpty);
        // The interaction token answers for 15 minutes: a secret like the bot token.
        discord.AssertBrokeNoRules(handle.Token);
    }

    [Fact]
    public async Task SlashCommand_InSubcommandGroup_DeferredEphemeral_ThenEditedOriginal()
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        await ConnectAsync(discord, async (interaction, ct) =>
        {
            var data = interaction.Data!;
            await discord.Rest.RespondAsync(interaction, InteractionResponse.DeferredMessage(ephemeral: true), ct);
            await discord.Rest.EditOriginalResponseAsync(
                interaction, new MessagePayload { Content = $"{data.GetSubcommandGroup()} {data.GetSubcommand()}: done" }, ct);
        });

        var handle = await discord.Emulator.RunSlashCommandAsync(discord.User, discord.Channel, "postmortem", "admin reset");

        var response = await handle.ResponseAsync();
        Assert.True(response.IsDeferred);
        Assert.True(response.IsEphemeral);
        Assert.True(response.At - handle.CreatedAt < _deadline);
        var original = await handle.WaitForOriginalAsync();
        Assert.Equal("admin reset: done", original.Content);
        Assert.Equal(discord.User, original.VisibleTo);
        discord.AssertBrokeNoRules();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Modal_IsOpened_Submitted_AndAnsweredWithAFollowup(bool legacyActionRows)
    {
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        var submitted = new TaskCompletionSource<Interaction>(TaskCreationOptions.RunContinuationsAsynchronously);
        await ConnectAsync(discord, async (interaction, ct) =>
        {
            if (interaction.Type == InteractionType.ApplicationCommand)
            {
                await discord.Rest.RespondAsync(interaction, InteractionResponse.Modal(WhyModal(legacyActionRows)), ct);
                return;
            }

            submitted.TrySetResult(interaction);
            await discord.Rest.RespondAsync(interaction, InteractionResponse.DeferredMessage(), ct);
            var why = interaction.Data!.GetModalValue("why");
            await discord.Rest.CreateFollowupAsync(interaction, new MessagePayload { Content = $"Recorded why #1: {why}" }, ct);
            await discord.Rest.CreateFollowupAsync(interaction, new MessagePayload { Content = "Why did that happen?" }, ct);
        });

        var command = await discord.Emulator.RunSlashCommandAsync(discord.User, discord.Channel, "postmortem", "why");
        var opened = await command.ResponseAsync();
        Assert.True(opened.IsModal);
        Assert.True(opened.At - command.CreatedAt < _deadline);

        var submit = await discord.Emulator.SubmitModalAsync(discord.User, command,
            new Dictionary<string, string> { ["why"] = "The disk filled up", ["evidence"] = "df -h at 09:12" });

        var deferred = await submit.ResponseAsync();
        Assert.True(deferred.IsDeferred);
        Assert.True(deferred.At - submit.CreatedAt < _deadline);
        var fields = (await submitted.Task).Data!.GetModalFields();
        Assert.Equal("The disk filled up", fields["why"].Value);
        Assert.Equal("df -h at 09:12", fields["evidence"].Value);
        // The first followup after a defer fills in the "thinking" message; the next is a message of its own.
        Assert.Equal("Recorded why #1: The disk filled up", (await submit.WaitForOriginalAsync()).Content);
        Assert.Equal("Why did that happen?", (await submit.WaitForFollowupAsync()).Content);
        discord.AssertBrokeNoRules(command.Token, submit.Token);
    }

    [Fact]
    public async Task FileUploads_InAReplyAFollowupAndAChannelMessage_AreAccepted()
    {
        const string Markdown = "# Postmortem: Database outage\n\n## Timeline\n- 09:12 disk full\n";
        await using var discord = await LiveDiscord.StartAsync(LiveDiscord.GatewayDefaults);
        await ConnectAsync(discord, async (interaction, ct) =>
        {
            await discord.Rest.RespondAsync(interaction, InteractionResponse.Message(new MessagePayload
            {
                Content = "Exported.",
                Files = [Markdown.AsFile("postmortem.md")],
            }), ct);
            await discord.Rest.CreateFollowupAsync(interaction, new MessagePayload { Files = ["{\"whys\":[]}".AsFile("postmortem.json")] }, ct);
        });

        var export = await discord.Emulator.RunSlashCommandAsync(discord.User, discord.Channel, "postmortem", "export");
        await export.ResponseAsync();
        var followup = await export.WaitForFollowupAsync();
        var posted = await discord.Rest.CreateMessageAsync(new Snowflake(discord.Channel.Id), new MessagePayload
        {
            Content = "Archived copy",
            Files = [Markdown.AsFile("archive.md") with { Description = "The final report" }],
        });

        var reply = export.Original!;
        Assert.Equal(("postmortem.md", Markdown), (reply.Attachments.Single().FileName, reply.Attachments.Single().Text));
        Assert.Equal("postmortem.json", Assert.Single(followup.Attachments).FileName);
        var archived = Assert.Single(discord.Emulator.FindMessage(posted.Id.Value)!.Attachments);
        Assert.Equal(("archive.md", Markdown, "The final report"), (archived.FileName, archived.Text, archived.Description));
        Assert.Equal("archive.md", Assert.Single(posted.Attachments).Filename);
        Assert.All(discord.Emulator.Requests.Where(r => r.FileNames.Count > 0), r => Assert.StartsWith(
            "multipart/form-data", r.Headers["Content-Type"], StringComparison.Ordinal));
        Assert.Equal(3, discord.Emulator.Requests.Count(r => r.FileNames.Count > 0));
        discord.AssertBrokeNoRules();
    }

    /// <summary>/postmortem with start (options), why, export and the admin group; registered through our client.</summary>
    private static ApplicationCommand PostmortemCommand() => new()
    {
        Name = "postmortem",
        Description = "Run a blameless postmortem",
        Options =
        [
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = "start",
                Description = "Start a postmortem",
                Options =
                [
                    new() { Type = ApplicationCommandOptionType.String, Name = "title", Description = "What happened", Required = true, MaxLength = 100 },
                    new()
                    {
                        Type = ApplicationCommandOptionType.Integer,
                        Name = "severity",
                        Description = "How bad it was",
                        Choices = [ApplicationCommandChoice.Create("SEV1", 1), ApplicationCommandChoice.Create("SEV2", 2), ApplicationCommandChoice.Create("SEV3", 3)],
                    },
                    new() { Type = ApplicationCommandOptionType.User, Name = "owner", Description = "Who drives it" },
                    new() { Type = ApplicationCommandOptionType.Boolean, Name = "private", Description = "Only you see the reply" },
                ],
            },
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "why", Description = "Answer the next why" },
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "export", Description = "Export as Markdown" },
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommandGroup,
                Name = "admin",
                Description = "Administration",
                Options = [new() { Type = ApplicationCommandOptionType.SubCommand, Name = "reset", Description = "Reset the guild's settings" }],
            },
        ],
    };

    private static ModalData WhyModal(bool legacyActionRows)
    {
        var why = new TextInput { CustomId = "why", Style = TextInputStyle.Paragraph, MaxLength = 1000 };
        var evidence = new TextInput { CustomId = "evidence", Required = false, Placeholder = "Logs, graphs, links" };
        return legacyActionRows
            ? new ModalData("why-1", "Why #1", [new ActionRow([why with { Label = "Why did it happen?" }]), new ActionRow([evidence with { Label = "Evidence" }])])
            : new ModalData("why-1", "Why #1", [new Label("Why did it happen?", why), new Label("Evidence", evidence)]);
    }

    /// <summary>Registers /postmortem through our client and connects with <paramref name="onInteraction"/> as the bot.</summary>
    private static async Task ConnectAsync(LiveDiscord discord, Func<Interaction, CancellationToken, Task> onInteraction)
    {
        var registered = await discord.Rest.OverwriteGuildCommandsAsync(
            new Snowflake(discord.Emulator.ApplicationId), new Snowflake(discord.Guild.Id), [PostmortemCommand()]);
        Assert.NotNull(Assert.Single(registered).Id);
        Assert.Equal(["start", "why", "export", "admin reset"], Assert.Single(discord.Emulator.RegisteredCommands).SubcommandPaths);
        await discord.ConnectAndWaitForGuildAsync(new DelegateHandler((evt, ct) =>
            evt is InteractionCreateEvent created ? onInteraction(created.Interaction, ct) : Task.CompletedTask));
    }
}
