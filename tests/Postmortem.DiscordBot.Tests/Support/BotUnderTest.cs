using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postmortem.Bot.Hosting;
using Postmortem.Discord.Emulator;

namespace Postmortem.DiscordBot.Tests.Support;

/// <summary>
/// The real bot (the Generic Host from src/Postmortem.Bot in Discord mode) against the emulator, on a temporary
/// LiteDB file. A guild "Ops" with #incidents, an admin (alice) and a member (bob) are ready;
/// <see cref="RestartAsync"/> stops the bot and starts a fresh one on the same database.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly string _directory;
    private readonly IReadOnlyDictionary<string, string?> _configuration;
    private IHost _host = null!;

    private BotUnderTest(DiscordEmulator emulator, string directory, Func<BotUnderTest, IReadOnlyDictionary<string, string?>>? configure)
    {
        Emulator = emulator;
        _directory = directory;
        Guild = emulator.CreateGuild("Ops");
        Incidents = Guild.CreateTextChannel("incidents");
        Alice = emulator.CreateUser("alice");
        Bob = emulator.CreateUser("bob");
        Guild.AddMember(Alice, DiscordPermissions.ManageGuild);
        Guild.AddMember(Bob);
        _configuration = configure?.Invoke(this) ?? new Dictionary<string, string?>();
    }

    public DiscordEmulator Emulator { get; }

    public EmulatedGuild Guild { get; }

    public EmulatedChannel Incidents { get; }

    /// <summary>Has Manage Server: may run /postmortem config.</summary>
    public EmulatedUser Alice { get; }

    public EmulatedUser Bob { get; }

    public IServiceProvider Services => _host.Services;

    /// <param name="configure">Extra configuration for the bot, given the arranged world (e.g. the guild's id).</param>
    public static async Task<BotUnderTest> StartAsync(Func<BotUnderTest, IReadOnlyDictionary<string, string?>>? configure = null)
    {
        var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions
        {
            EnabledPrivilegedIntents = EmulatorIntents.MessageContent,
            // Restarts identify again within seconds; Discord's 1-per-5-s bucket would stall them for nothing.
            MaxConcurrency = 16,
        });
        var directory = Directory.CreateTempSubdirectory("postmortem-discordbot-").FullName;
        var bot = new BotUnderTest(emulator, directory, configure);
        await bot.StartHostAsync(identifies: 1);
        return bot;
    }

    /// <summary>Stops the bot (its in-memory state is gone) and starts a new one on the same database.</summary>
    public async Task RestartAsync()
    {
        var identified = Emulator.Gateway.IdentifyCount;
        await _host.StopAsync();
        _host.Dispose();
        await StartHostAsync(identified + 1);
    }

    // ---- acting as users ----

    public Task<InteractionHandle> SlashAsync(EmulatedUser user, EmulatedChannel channel, string subcommand, object? options = null) =>
        Emulator.RunSlashCommandAsync(user, channel, "postmortem", subcommand, options);

    /// <summary>Runs /postmortem start in #incidents and returns the new thread once its first prompt is there.</summary>
    public async Task<EmulatedChannel> StartPostmortemAsync(
        EmulatedUser user, string title = "Database outage", IReadOnlyDictionary<string, object?>? options = null, EmulatedChannel? channel = null)
    {
        var values = new Dictionary<string, object?>(options ?? new Dictionary<string, object?>()) { ["title"] = title };
        channel ??= Incidents;
        var start = await Emulator.RunSlashCommandAsync(user, channel, "postmortem", "start", values);
        var original = await start.WaitForOriginalAsync();
        var thread = await Emulator.WaitForAsync(
            () => Emulator.Threads.LastOrDefault(t => original.Content.Contains(t.Mention, StringComparison.Ordinal)),
            description: "the postmortem's thread");
        await Emulator.WaitForAsync(() => Prompts(thread).Count > 0, description: "the first prompt");
        return thread;
    }

    /// <summary>The prompt messages in a thread (those with an Answer or Next button), oldest first.</summary>
    public static IReadOnlyList<EmulatedMessage> Prompts(EmulatedChannel thread) =>
        [.. thread.PublicMessages.Where(m => m.CustomIds.Any(id => id.StartsWith("next:", StringComparison.Ordinal)))];

    public static string CustomIdStartingWith(EmulatedMessage message, string prefix) =>
        message.CustomIds.First(id => id.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Presses Answer on a prompt and submits the modal with <paramref name="text"/>.</summary>
    public async Task<InteractionHandle> AnswerAsync(EmulatedUser user, EmulatedMessage prompt, string text)
    {
        var click = await Emulator.ClickButtonAsync(user, prompt, CustomIdStartingWith(prompt, "answer:"));
        var modal = await click.ResponseAsync();
        Assert.True(modal.IsModal, $"Answer opened no modal: {modal.Content}");
        var submit = await Emulator.SubmitModalAsync(user, click, new Dictionary<string, string> { ["text"] = text });
        await submit.ResponseAsync();
        return submit;
    }

    /// <summary>The text input of a modal the bot opened.</summary>
    public static JsonObject ModalInput(InteractionHandle handle) =>
        Flatten(handle.Modal!["components"] as JsonArray).First(c => c["type"]?.GetValue<int>() == 4);

    private static IEnumerable<JsonObject> Flatten(JsonArray? components)
    {
        foreach (var component in (components ?? []).OfType<JsonObject>())
        {
            yield return component;
            var children = (component["components"] as JsonArray ?? []).OfType<JsonObject>()
                .Concat(component["component"] is JsonObject inner ? [inner] : []);
            foreach (var child in Flatten([.. children.Select(c => c.DeepClone())]))
            {
                yield return child;
            }
        }
    }

    /// <summary>Every message is within Discord's limits, and every interaction was answered in time.</summary>
    public void AssertNoViolations() => Emulator.ThrowIfViolations();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms; the OS cleans temp folders.
        }
    }

    private async Task StartHostAsync(int identifies)
    {
        _host = Build();
        await _host.StartAsync();
        await Emulator.Gateway.WaitForIdentifyAsync(identifies);
        await Emulator.WaitForAsync(() => Emulator.RegisteredCommands.Any(c => c.Name == "postmortem"), description: "/postmortem registered");
        await Emulator.WaitForAsync(() => Emulator.Gateway.IsReady, description: "the gateway ready");
    }

    private IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = Emulator.BotToken,
            ["Discord:ApiBaseUrl"] = Emulator.ApiBaseUrl.ToString(),
            ["Storage:DatabasePath"] = Path.Combine(_directory, "postmortems.litedb"),
        });
        builder.Configuration.AddInMemoryCollection(_configuration);
        builder.AddPostmortemBot(BotMode.Discord);
        // Warnings and errors only: a failing test shows what the bot complained about, a passing one stays quiet.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder.Build();
    }
}
