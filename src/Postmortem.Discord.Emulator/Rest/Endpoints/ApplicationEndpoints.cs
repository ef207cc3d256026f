using System.Globalization;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>Gateway discovery, the bot's own user and application, and application command registration.</summary>
internal sealed class ApplicationEndpoints(EmulatorState state, GatewayServer gateway, RequestChecks checks)
{
    public void Map(RestRouter router)
    {
        router.Map("GET", "/gateway", _ => RestResult.Json(new JsonObject { ["url"] = gateway.Url.ToString() }), RouteAuth.None);
        router.Map("GET", "/gateway/bot", _ => GatewayBot());
        router.Map("GET", "/users/@me", _ => RestResult.Json(BotUser()));
        router.Map("GET", "/applications/@me", _ => RestResult.Json(Application()));
        router.Map("GET", "/applications/{application_id}/commands", c => ListCommands(c, guildId: null));
        router.Map("PUT", "/applications/{application_id}/commands", c => OverwriteCommandsAsync(c, guildId: null));
        router.Map("GET", "/applications/{application_id}/guilds/{guild_id}/commands", c => ListCommands(c, c.Snowflake("guild_id")));
        router.Map("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", c => OverwriteCommandsAsync(c, c.Snowflake("guild_id")));
    }

    private RestResult GatewayBot() => RestResult.Json(new JsonObject
    {
        ["url"] = gateway.Url.ToString(),
        ["shards"] = state.Options.RecommendedShards,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = state.Options.SessionStartLimit,
            ["remaining"] = gateway.SessionStartsRemaining,
            ["reset_after"] = 14_400_000,
            ["max_concurrency"] = state.Options.MaxConcurrency,
        },
    });

    private JsonObject BotUser()
    {
        var user = DiscordJson.User(state.BotUser);
        user["verified"] = true;
        user["mfa_enabled"] = false;
        user["flags"] = 0;
        return user;
    }

    private JsonObject Application() => new()
    {
        ["id"] = DiscordJson.Id(state.ApplicationId),
        ["name"] = state.BotUser.Name,
        ["icon"] = null,
        ["description"] = "",
        ["bot_public"] = true,
        ["bot_require_code_grant"] = false,
        ["bot"] = DiscordJson.User(state.BotUser),
        ["verify_key"] = "0000000000000000000000000000000000000000000000000000000000000000",
        ["flags"] = ApplicationFlags.For(state.Options.EnabledPrivilegedIntents),
        ["team"] = null,
        ["approximate_guild_count"] = state.Guilds.Count,
    };

    private RestResult ListCommands(RestContext context, ulong? guildId)
    {
        if (CheckTarget(context, guildId) is { } refused)
        {
            return refused;
        }

        return RestResult.Json(new JsonArray([.. state.Commands.Where(c => c.GuildId == guildId)
            .Select(c => (JsonNode)CommandJson(c))]));
    }

    private async Task<RestResult> OverwriteCommandsAsync(RestContext context, ulong? guildId)
    {
        if (CheckTarget(context, guildId) is { } refused)
        {
            return refused;
        }

        var errors = new FormErrors();
        if (context.Body is not JsonArray commands)
        {
            errors.Add("", "BASE_TYPE_ARRAY", "The body must be an array of application commands.");
            commands = [];
        }
        else
        {
            CommandRules.CheckBulk(commands, errors);
        }

        if (await checks.ValidateAsync(context, "bulk_set_commands", errors) is { } invalid)
        {
            return invalid;
        }

        var stored = state.ReplaceCommands(guildId, [.. commands.OfType<JsonObject>().Select(c =>
            (c["name"].Str()!, (int)(c["type"].Int() ?? 1), c))]);
        return RestResult.Json(new JsonArray([.. stored.Select(c => (JsonNode)CommandJson(c))]));
    }

    private RestResult? CheckTarget(RestContext context, ulong? guildId)
    {
        if (context.Snowflake("application_id") != state.ApplicationId)
        {
            return checks.Reject(context, RestResult.MissingAccess(),
                $"application_id {context.Value("application_id")} is not this application ({state.ApplicationId}).");
        }

        return guildId is { } id && state.FindGuild(id) is null ? RestResult.UnknownGuild() : null;
    }

    /// <summary>The stored command as Discord returns it: the definition plus server-assigned fields.</summary>
    private JsonObject CommandJson(RegisteredCommand command)
    {
        var json = (JsonObject)command.Definition.DeepClone();
        json["id"] = DiscordJson.Id(command.Id);
        json["application_id"] = DiscordJson.Id(state.ApplicationId);
        json["version"] = DiscordJson.Id(command.Id);
        json["type"] = command.Type;
        json["description"] ??= "";
        json["nsfw"] ??= false;
        var permissions = command.Definition["default_member_permissions"];
        json["default_member_permissions"] = permissions is null ? null
            : permissions.Str() ?? permissions.Int()?.ToString(CultureInfo.InvariantCulture);
        if (command.GuildId is { } guildId)
        {
            json["guild_id"] = DiscordJson.Id(guildId);
        }

        return json;
    }
}
