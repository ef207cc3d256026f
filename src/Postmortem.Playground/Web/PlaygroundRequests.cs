using System.Text.Json;

namespace Postmortem.Playground.Web;

// What the page sends. Ids are strings, as in Discord's JSON (snowflakes exceed JavaScript's safe integers).

internal sealed record PostMessageRequest(string As, string Channel, string Content, string? ReplyTo, IReadOnlyList<UploadedFile>? Files);

internal sealed record UploadedFile(string Name, string? ContentType, string Base64);

internal sealed record SlashCommandRequest(string As, string Channel, string Command, string? Subcommand, Dictionary<string, JsonElement>? Options);

internal sealed record AutocompleteRequest(string As, string Channel, string Command, string? Subcommand, string Focused, string Typed, Dictionary<string, JsonElement>? Options);

internal sealed record ButtonRequest(string As, string Message, string CustomId);

internal sealed record SelectRequest(string As, string Message, string CustomId, IReadOnlyList<string> Values);

internal sealed record ModalRequest(string As, string Interaction, Dictionary<string, string>? Values, Dictionary<string, string[]>? Selections);

internal sealed record MessageCommandRequest(string As, string Message, string Command);

internal sealed record ClockRequest(double Hours);
