using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Postmortem.Core.Application;
using Postmortem.Core.Templates;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest;
using Postmortem.DiscordBot;
using Postmortem.DiscordBot.Interactions;
using Postmortem.DiscordBot.Reminders;
using Postmortem.DiscordBot.Settings;
using Postmortem.Reminders.Delivery;
using Postmortem.Reminders.Interactions;
using Postmortem.Reminders.Tests.Support;
using Postmortem.Storage.LiteDb;
using Postmortem.Testing;
using static Postmortem.Reminders.Tests.Support.People;

namespace Postmortem.Reminders.Tests.Hosting;

/// <summary>The reminders inside the Discord front end, wired as the host wires Discord mode.</summary>
public sealed class DiscordWiringTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 4, 6, 0, 0, TimeSpan.Zero));
    private readonly Mock<IDiscordRestClient> _rest = new();

    public void Dispose() => _database.Dispose();

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = _database.Path,
            ["Discord:Token"] = "token.for.tests",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(Mock.Of<IHostApplicationLifetime>());
        services.AddSingleton(_rest.Object);
        services.AddSingleton<ITemplateCatalog>(BuiltInTemplates.Catalog);
        services.AddLiteDbStorage(configuration);
        services.AddSingleton(sp => new PostmortemService(sp.GetRequiredService<IPostmortemRepository>(), _clock, sp.GetRequiredService<ITemplateCatalog>()));
        services.AddDiscordFrontEnd(configuration);
        services.AddDiscordReminders(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void DiscordMode_RegistersTheReminderHandlers_TheDiscordSender_AndTheSettingsListener()
    {
        using var services = Build();

        Assert.IsType<DiscordReminderSender>(services.GetRequiredService<IReminderSender>());
        Assert.Contains(services.GetServices<IComponentHandler>(), h => h is ReminderButtons && h.Prefixes.Contains("rem"));
        Assert.Contains(services.GetServices<IModalHandler>(), h => h is ReminderButtons);
        Assert.Contains(services.GetServices<SlashCommandRoot>(), r => r.Name == ActionsCommand.Name);
        var handlers = services.GetServices<ISlashCommandHandler>().ToList();
        Assert.Contains(handlers, h => h.Command == "actions" && h.Definition.Name == "mine");
        Assert.Contains(handlers, h => h.Command == "actions" && h.Definition.Name == "overdue");
        Assert.Contains(handlers, h => h.Command == "postmortem" && h.Definition.Name == "meetings");
        Assert.Contains(handlers, h => h.Command == "postmortem" && h.Definition.Name == "reminders");
        Assert.Contains(services.GetServices<IGuildSettingsListener>(), l => l is ReminderSettingsListener);
    }

    [Fact]
    public async Task ASnoozeClick_IsAnsweredThroughTheFrontEndsInteractionContext()
    {
        await using var services = Build();
        var service = services.GetRequiredService<PostmortemService>();
        var id = (await service.StartAsync(GuildId, ChannelId, "Incident", Felix)).Postmortem!.Id;
        var lesson = (await service.ExecuteAsync(id, new Core.Actions.AddLesson("A lesson", []), Felix)).Result.CreatedId!.Value;
        var action = (await service.ExecuteAsync(id, new Core.Actions.AddCorrectiveAction(lesson, "An action"), Felix)).Result.CreatedId!.Value;
        var item = (await service.ExecuteAsync(id, new Core.Actions.AddActionItem(action, "An item", Wesley, new DateOnly(2026, 5, 20)), Felix)).Result.CreatedId!.Value;
        InteractionResponse? answered = null;
        _rest.Setup(r => r.RespondToInteractionAsync(It.IsAny<Snowflake>(), It.IsAny<string>(), It.IsAny<InteractionResponse>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback<Snowflake, string, InteractionResponse, DateTimeOffset, CancellationToken>((_, _, response, _, _) => answered = response)
            .ReturnsAsync(InteractionCallbackOutcome.Acknowledged);
        var interaction = new Interaction
        {
            Id = new Snowflake(5),
            Type = InteractionType.MessageComponent,
            Token = "interaction-token",
            DmUser = new User { Id = Snowflake.Parse(Wesley.Id), Username = "wesley" },
            Data = new InteractionData { CustomId = ReminderCustomIds.ForSnooze(id, item, 7), ComponentType = ComponentType.Button },
        };
        Assert.True(CustomId.TryParse(interaction.Data.CustomId, out var customId));
        var context = new InteractionContext(interaction, _rest.Object, DateTimeOffset.UtcNow.AddSeconds(3));

        await services.GetRequiredService<ReminderButtons>().HandleAsync(context, customId, CancellationToken.None);

        var message = Assert.IsType<MessagePayload>(answered!.Data);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.StartsWith("Snoozed: the next reminder for 1a-i comes on Monday 11 May at 09:00", message.Content, StringComparison.Ordinal);
    }
}
