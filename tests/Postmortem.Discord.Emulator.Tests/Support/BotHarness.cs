using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator.Tests.Support;

/// <summary>
/// An emulator with a guild, a channel and a member, plus a "bot" made of raw REST and gateway calls that has
/// registered /postmortem and identified. Tests drive the protocol by hand through it.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private BotHarness(DiscordEmulator emulator, RawRest rest, RawGateway gateway, EmulatedGuild guild,
        EmulatedChannel channel, EmulatedUser user)
    {
        Emulator = emulator;
        Rest = rest;
        Gateway = gateway;
        Guild = guild;
        Channel = channel;
        User = user;
    }

    public DiscordEmulator Emulator { get; }

    public RawRest Rest { get; }

    public RawGateway Gateway { get; }

    public EmulatedGuild Guild { get; }

    public EmulatedChannel Channel { get; }

    public EmulatedUser User { get; }

    /// <summary>/postmortem start title:(string, required) and /postmortem admin reset.</summary>
    public static JsonArray PostmortemCommand() =>
    [
        new JsonObject
        {
            ["name"] = "postmortem",
            ["type"] = 1,
            ["description"] = "Run a blameless postmortem",
            ["options"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = 1,
                    ["name"] = "start",
                    ["description"] = "Start a postmortem",
                    ["options"] = new JsonArray
                    {
                        new JsonObject { ["type"] = 3, ["name"] = "title", ["description"] = "What happened", ["required"] = true },
                    },
                },
                new JsonObject
                {
                    ["type"] = 2,
                    ["name"] = "admin",
                    ["description"] = "Administration",
                    ["options"] = new JsonArray
                    {
                        new JsonObject { ["type"] = 1, ["name"] = "reset", ["description"] = "Reset everything" },
                    },
                },
            },
        },
    ];

    public static async Task<BotHarness> StartAsync(EmulatorOptions? options = null, int intents = 513)
    {
        var emulator = await DiscordEmulator.StartAsync(options);
        var guild = emulator.CreateGuild("Test Guild");
        var channel = guild.CreateTextChannel("incidents");
        var user = emulator.CreateUser("alice");
        guild.AddMember(user);
        var rest = new RawRest(emulator);
        var registered = await rest.PutAsync($"applications/{emulator.ApplicationId}/guilds/{guild.Id}/commands", PostmortemCommand());
        if (registered.Status != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Registering commands failed: {registered.Json}");
        }

        var (gateway, _) = await RawGateway.IdentifyAsync(emulator, intents);
        await gateway.ReceiveDispatchAsync("GUILD_CREATE");
        return new BotHarness(emulator, rest, gateway, guild, channel, user);
    }

    public async Task<JsonObject> NextInteractionAsync() =>
        (JsonObject)(await Gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;

    /// <summary>Runs /postmortem start and returns the handle and the INTERACTION_CREATE the bot received.</summary>
    public async Task<(InteractionHandle Handle, JsonObject Interaction)> RunStartAsync(string title = "Database outage")
    {
        var handle = await Emulator.RunSlashCommandAsync(User, Channel, "postmortem", "start", new { title });
        return (handle, await NextInteractionAsync());
    }

    public Task<RawResponse> RespondAsync(JsonObject interaction, JsonNode body) =>
        Rest.PostAsync($"interactions/{interaction["id"]}/{interaction["token"]}/callback", body);

    public string WebhookPath(JsonObject interaction, string suffix = "") =>
        $"webhooks/{Emulator.ApplicationId}/{interaction["token"]}{suffix}";

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        Rest.Dispose();
        await Emulator.DisposeAsync();
    }
}
