using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Postmortem.Discord.Emulator;

/// <summary>Maps Discord routes under /api/v10 and tags each endpoint with its <see cref="DiscordRoute"/>.</summary>
internal sealed class RestRouter(IEndpointRouteBuilder endpoints)
{
    public const string Prefix = "/api/v10";
    private readonly List<DiscordRoute> _routes = [];

    public IReadOnlyList<DiscordRoute> Routes => _routes;

    public void Map(string method, string template, Func<RestContext, Task<RestResult>> handler, RouteAuth auth = RouteAuth.Bot)
    {
        var route = new DiscordRoute(method, template, auth);
        _routes.Add(route);
        endpoints.MapMethods(Prefix + template, [method], async http =>
        {
            var context = (RestContext)http.Items[typeof(RestContext)]!;
            var result = await handler(context);
            await result.WriteAsync(http);
        }).WithMetadata(route);
    }

    public void Map(string method, string template, Func<RestContext, RestResult> handler, RouteAuth auth = RouteAuth.Bot) =>
        Map(method, template, context => Task.FromResult(handler(context)), auth);
}
