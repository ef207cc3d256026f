using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Postmortem.Discord.Emulator;

/// <summary>Maps Discord routes under /api/v10 and tags each endpoint with its <see cref="DiscordRoute"/>.</summary>
internal sealed class RestRouter(IEndpointRouteBuilder endpoints, EmulatorState state, FaultInjection faults)
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
            if (faults.Take(route.Key, FaultTiming.AfterProcessing) is { } fault)
            {
                await LoseAnswerAsync(http, context, fault, result);
                return;
            }

            await result.WriteAsync(http);
        }).WithMetadata(route);
    }

    public void Map(string method, string template, Func<RestContext, RestResult> handler, RouteAuth auth = RouteAuth.Bot) =>
        Map(method, template, context => Task.FromResult(handler(context)), auth);

    // Discord did the work; the bot sees the result late, or an error or a reset connection instead of it.
    private async Task LoseAnswerAsync(HttpContext http, RestContext context, Fault fault, RestResult result)
    {
        if (fault.Status is not null)
        {
            MarkCallbackAnswerLost(context);
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            var waiting = Task.Delay(fault.Delay, state.Time, http.RequestAborted);
            state.DelayedAnswerStarted();
            try
            {
                await waiting;
            }
            catch (OperationCanceledException)
            {
                MarkCallbackAnswerLost(context); // the bot gave up waiting
                return;
            }
            finally
            {
                state.DelayedAnswerEnded();
            }
        }

        switch (fault.Status)
        {
            case 0:
                http.Abort();
                break;
            case { } status:
                await RestResult.InternalError(status).WriteAsync(http);
                break;
            default:
                await result.WriteAsync(http);
                break;
        }
    }

    private void MarkCallbackAnswerLost(RestContext context)
    {
        if (context.Route.Template == InteractionEndpoints.CallbackTemplate && context.Snowflake("interaction_id") is { } id)
        {
            state.FindInteraction(id)?.MarkAnswerLost();
        }
    }
}
