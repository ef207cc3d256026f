using Microsoft.AspNetCore.Http;

namespace Postmortem.Playground.Web;

/// <summary>The Host header check: the page answers requests addressed to 127.0.0.1 or localhost only.</summary>
internal static class LocalHost
{
    public static bool IsLocal(HostString host) =>
        host.Host is "127.0.0.1" or "localhost" or "[::1]";

    public static Task RefuseAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        return http.Response.WriteAsync("The playground answers on 127.0.0.1 only.", http.RequestAborted);
    }
}
