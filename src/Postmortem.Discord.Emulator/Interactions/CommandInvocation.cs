using System.Globalization;
using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// Builds <c>data.options</c> and <c>data.resolved</c> for a chat input command from what a test typed,
/// refusing what the Discord client would not let a user send (unknown options, missing required ones,
/// values outside choices or bounds).
/// </summary>
internal static class CommandInvocation
{
    public static (JsonArray Options, JsonObject Resolved) Build(RegisteredCommand command, string? subcommand,
        IReadOnlyDictionary<string, object?> values, EmulatorState state, EmulatedChannel channel, string? focused)
    {
        var path = (subcommand ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (leafDefinitions, wrap) = Walk(command, path);
        var resolved = new JsonObject();
        var leaf = new JsonArray();
        foreach (var (name, value) in values)
        {
            var definition = leafDefinitions.Find(d => d["name"].Str() == name)
                ?? throw new ArgumentException($"{Describe(command, path)} has no option '{name}'; it has: {string.Join(", ", leafDefinitions.Select(d => d["name"].Str()))}.");
            var type = (int)(definition["type"].Int() ?? 3);
            var option = new JsonObject { ["type"] = type, ["name"] = name };
            if (name == focused)
            {
                option["value"] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                option["focused"] = true;
            }
            else
            {
                option["value"] = Value(definition, type, value, resolved, state, channel, Describe(command, path));
            }

            leaf.Add(option);
        }

        if (focused is null)
        {
            var missing = leafDefinitions.Where(d => d["required"].Bool() == true && !values.ContainsKey(d["name"].Str()!)).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException($"{Describe(command, path)} needs option(s): {string.Join(", ", missing.Select(d => d["name"].Str()))}.");
            }
        }
        else if (!values.ContainsKey(focused))
        {
            throw new ArgumentException($"The focused option '{focused}' must be among the options typed.");
        }

        return (wrap(leaf), resolved);
    }

    private static (List<JsonObject> Definitions, Func<JsonArray, JsonArray> Wrap) Walk(RegisteredCommand command, string[] path)
    {
        var top = command.Options.ToList();
        var hasSubcommands = top.Exists(o => o["type"].Int() is 1 or 2);
        if (!hasSubcommands)
        {
            return path.Length == 0
                ? (top, options => options)
                : throw new ArgumentException($"/{command.Name} has no subcommands, but '{string.Join(' ', path)}' was given.");
        }

        var first = path.Length > 0 ? top.Find(o => o["name"].Str() == path[0]) : null;
        if (first is null)
        {
            throw new ArgumentException($"/{command.Name} needs a subcommand: {string.Join(", ", command.SubcommandPaths)}.");
        }

        if (first["type"].Int() == 1 && path.Length == 1)
        {
            return (first["options"].Objects().ToList(), options => [Nested(1, path[0], options)]);
        }

        var sub = first["type"].Int() == 2 && path.Length == 2
            ? first["options"].Objects().FirstOrDefault(o => o["name"].Str() == path[1])
            : null;
        return sub is null
            ? throw new ArgumentException($"/{command.Name} has no subcommand '{string.Join(' ', path)}'; it has: {string.Join(", ", command.SubcommandPaths)}.")
            : (sub["options"].Objects().ToList(), options => [Nested(2, path[0], [Nested(1, path[1], options)])]);
    }

    private static JsonObject Nested(int type, string name, JsonArray options)
    {
        var json = new JsonObject { ["type"] = type, ["name"] = name };
        if (options.Count > 0)
        {
            json["options"] = options;
        }

        return json;
    }

    private static JsonNode Value(JsonObject definition, int type, object? value, JsonObject resolved, EmulatorState state,
        EmulatedChannel channel, string command)
    {
        var name = definition["name"].Str();
        JsonNode node = (type, value) switch
        {
            (3, _) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            (4, _) => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            (5, bool b) => b,
            (10, _) => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            (6 or 9, EmulatedUser user) => Resolve(resolved, user, channel),
            (8 or 9, EmulatedRole role) => Resolve(resolved, role),
            (7, EmulatedChannel target) => Resolve(resolved, target),
            (11, FileUpload upload) => Resolve(resolved, state.AddLooseAttachment(upload), channel, state),
            _ => throw new ArgumentException($"Option '{name}' of {command} has type {type}; {value?.GetType().Name ?? "null"} does not fit."),
        };
        CheckBounds(definition, type, node, $"Option '{name}' of {command}");
        return node;
    }

    private static void CheckBounds(JsonObject definition, int type, JsonNode value, string what)
    {
        if (definition["choices"] is JsonArray { Count: > 0 } choices
            && !choices.OfType<JsonObject>().Any(c => JsonNode.DeepEquals(c["value"], value)))
        {
            throw new ArgumentException($"{what} must be one of its choices: {string.Join(", ", choices.Select(c => c?["value"]?.ToJsonString()))}.");
        }

        if (type == 3 && value.Str() is { } text
            && (text.Length < (definition["min_length"].Int() ?? 0) || text.Length > (definition["max_length"].Int() ?? 6000)))
        {
            throw new ArgumentException($"{what} must be {definition["min_length"].Int() ?? 0}-{definition["max_length"].Int() ?? 6000} characters long.");
        }

        if (type is 4 or 10 && (type == 4 ? value.GetValue<long>() : value.GetValue<double>()) is var number
            && (number < (definition["min_value"]?.GetValue<double>() ?? double.MinValue)
                || number > (definition["max_value"]?.GetValue<double>() ?? double.MaxValue)))
        {
            throw new ArgumentException($"{what} is outside min_value/max_value.");
        }
    }

    private static string Resolve(JsonObject resolved, EmulatedUser user, EmulatedChannel channel)
    {
        var id = DiscordJson.Id(user.Id);
        Section(resolved, "users")[id] = DiscordJson.User(user);
        if (channel.Guild?.GetMember(user) is { } member)
        {
            Section(resolved, "members")[id] = DiscordJson.Member(member, withUser: false, withPermissions: true);
        }

        return id;
    }

    private static string Resolve(JsonObject resolved, EmulatedRole role)
    {
        var id = DiscordJson.Id(role.Id);
        Section(resolved, "roles")[id] = DiscordJson.Role(role);
        return id;
    }

    private static string Resolve(JsonObject resolved, EmulatedChannel target)
    {
        var id = DiscordJson.Id(target.Id);
        var json = DiscordJson.Channel(target);
        json["permissions"] = DiscordJson.Permissions(target.BotPermissions);
        Section(resolved, "channels")[id] = json;
        return id;
    }

    private static string Resolve(JsonObject resolved, EmulatedAttachment attachment, EmulatedChannel channel, EmulatorState state)
    {
        var id = DiscordJson.Id(attachment.Id);
        Section(resolved, "attachments")[id] = DiscordJson.Attachment(attachment, channel, state.BaseUrl);
        return id;
    }

    private static JsonObject Section(JsonObject resolved, string name)
    {
        if (resolved[name] is not JsonObject section)
        {
            section = [];
            resolved[name] = section;
        }

        return section;
    }

    private static string Describe(RegisteredCommand command, string[] path) =>
        path.Length == 0 ? $"/{command.Name}" : $"/{command.Name} {string.Join(' ', path)}";
}
