using System.Globalization;
using System.Net;
using System.Text;

namespace Postmortem.Discord.Rest;

/// <summary>
/// Discord answered with an error status. <see cref="Code"/> is Discord's JSON error code (see
/// <see cref="DiscordErrorCodes"/>); for 50035 <see cref="FieldErrors"/> lists each invalid field as "field: message".
/// </summary>
public sealed class DiscordHttpException : DiscordRestException
{
    public DiscordHttpException()
    {
    }

    public DiscordHttpException(string message)
        : base(message)
    {
    }

    public DiscordHttpException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DiscordHttpException(HttpStatusCode statusCode, int? code, string? discordMessage, IReadOnlyList<string> fieldErrors, string route)
        : base(Describe(statusCode, code, discordMessage, fieldErrors, route))
    {
        StatusCode = statusCode;
        Code = code;
        DiscordMessage = discordMessage;
        FieldErrors = fieldErrors;
        Route = route;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Discord's JSON error code, e.g. 50007 "Cannot send messages to this user"; null if the body had none.</summary>
    public int? Code { get; }

    /// <summary>Discord's own message, e.g. "Missing Permissions".</summary>
    public string? DiscordMessage { get; }

    public IReadOnlyList<string> FieldErrors { get; } = [];

    /// <summary>The route template that failed, e.g. "POST /channels/{channel_id}/messages".</summary>
    public string Route { get; } = "";

    private static string Describe(HttpStatusCode statusCode, int? code, string? message, IReadOnlyList<string> fieldErrors, string route)
    {
        var text = new StringBuilder()
            .Append(route).Append(" failed: ").Append((int)statusCode).Append(' ').Append(statusCode);
        if (code is not null || message is not null)
        {
            text.Append(" (").Append(code?.ToString(CultureInfo.InvariantCulture) ?? "?").Append(": ").Append(message).Append(')');
        }

        foreach (var line in fieldErrors)
        {
            text.AppendLine().Append("  ").Append(line);
        }

        return text.ToString();
    }
}
