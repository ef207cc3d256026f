using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Postmortem.Discord.Emulator;

/// <summary>A REST response, and Discord's error responses (topics/opcodes-and-status-codes.mdx "JSON Error Codes").</summary>
internal sealed record RestResult(int Status, JsonNode? Body)
{
    public static RestResult Json(JsonNode body, int status = StatusCodes.Status200OK) => new(status, body);

    public static RestResult NoContent() => new(StatusCodes.Status204NoContent, null);

    public static RestResult Error(int status, int code, string message, JsonObject? errors = null)
    {
        var body = new JsonObject { ["message"] = message, ["code"] = code };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return new RestResult(status, body);
    }

    public static RestResult Unauthorized() => Error(401, 0, "401: Unauthorized");

    public static RestResult NotFound() => Error(404, 0, "404: Not Found");

    public static RestResult UnknownChannel() => Error(404, 10003, "Unknown Channel");

    public static RestResult UnknownGuild() => Error(404, 10004, "Unknown Guild");

    public static RestResult UnknownMember() => Error(404, 10007, "Unknown Member");

    public static RestResult UnknownMessage() => Error(404, 10008, "Unknown Message");

    public static RestResult UnknownUser() => Error(404, 10013, "Unknown User");

    public static RestResult UnknownWebhook() => Error(404, 10015, "Unknown Webhook");

    public static RestResult UnknownInteraction() => Error(404, 10062, "Unknown interaction");

    public static RestResult AlreadyAcknowledged() => Error(400, 40060, "Interaction has already been acknowledged.");

    /// <summary>An upload over the file size limit (HTTP 413, JSON code 40005).</summary>
    public static RestResult EntityTooLarge() => Error(413, 40005, "Request entity too large");

    public static RestResult MissingAccess() => Error(403, 50001, "Missing Access");

    public static RestResult CannotEditOthersMessage() => Error(403, 50005, "Cannot edit a message authored by another user");

    public static RestResult EmptyMessage() => Error(400, 50006, "Cannot send an empty message");

    public static RestResult CannotMessageUser() => Error(403, 50007, "Cannot send messages to this user");

    public static RestResult NonTextChannel() => Error(400, 50008, "Cannot send messages in a non-text channel");

    public static RestResult MissingPermissions() => Error(403, 50013, "Missing Permissions");

    public static RestResult WrongChannelType() => Error(400, 50024, "Cannot execute action on this channel type");

    public static RestResult InvalidWebhookToken() => Error(401, 50027, "Invalid Webhook Token");

    public static RestResult InvalidFormBody(FormErrors errors) => Error(400, 50035, "Invalid Form Body", errors.ToJson());

    public static RestResult ArchivedThread() => Error(400, 50083, "Thread is archived");

    public static RestResult InvalidJson() => Error(400, 50109, "The request body contains invalid JSON.");

    public static RestResult ThreadAlreadyCreated() => Error(400, 160004, "A thread has already been created for this message");

    public static RestResult MaxPins() => Error(400, 30003, "Maximum number of pins reached (250)");

    public static RestResult InternalError(int status) => Error(status, 0, $"{status}: Injected failure");

    public async Task WriteAsync(HttpContext http)
    {
        http.Response.StatusCode = Status;
        if (Body is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(Body.ToJsonString(), Encoding.UTF8);
        }
    }
}
