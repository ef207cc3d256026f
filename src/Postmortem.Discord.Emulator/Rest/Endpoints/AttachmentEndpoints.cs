using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Postmortem.Discord.Emulator;

/// <summary>The "CDN": serves attachment bytes at the urls messages carry (no auth, like Discord's CDN).</summary>
internal static class AttachmentEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, EmulatorState state) =>
        endpoints.MapGet("/attachments/{channel_id}/{attachment_id}/{filename}", async http =>
        {
            var id = ulong.TryParse(http.GetRouteValue("attachment_id") as string, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : 0;
            if (state.FindAttachment(id) is not { } attachment)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            http.Response.ContentType = attachment.ContentType;
            await http.Response.Body.WriteAsync(attachment.Content);
        });
}
