using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Postmortem.Discord.Emulator;
using Postmortem.Playground.Clock;
using Postmortem.Playground.Sample;

namespace Postmortem.Playground.Web;

/// <summary>
/// The page's API: read the world and a channel as one person, act as that person (messages, slash commands,
/// autocomplete, buttons, selects, modals, message commands) through the emulator, and move the clock. An action
/// answers once the bot has answered the interaction, with the modal when the bot opened one.
/// </summary>
internal sealed class PlaygroundApi(DiscordEmulator emulator, SampleServer server, PlaygroundClock clock, LiveUpdates live)
{
    private const string NoAnswer = "Postmortem Bot did not respond in time (Discord shows \"The application did not respond\").";
    // Discord's deadline for the first answer is 3 s, and the emulator refuses a later one (10062, and a violation):
    // waiting longer than a little past it only keeps the visitor waiting for an answer that cannot come.
    private static readonly TimeSpan _answerWait = TimeSpan.FromSeconds(5);

    private readonly WorldView _view = new(emulator, server, clock);

    // Interactions whose answer was a modal, until it is submitted: the emulator needs the handle to submit it.
    private readonly ConcurrentDictionary<ulong, InteractionHandle> _modals = new();

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/people", () => Results.Json(server.People.Select(p => new { id = Id(p.User.Id), name = p.DisplayName, admin = p.IsAdmin })));
        app.MapGet("/api/world", (string @as) => Person(@as) is { } me ? Results.Json(_view.For(me)) : UnknownPerson());
        app.MapGet("/api/channels/{id}/messages", (string id, string @as) =>
            Person(@as) is not { } me ? UnknownPerson()
            : Channel(id) is { } channel && CanSee(me, channel) ? Results.Json(_view.Messages(channel, me))
            : Results.NotFound(new { error = "No such channel." }));
        app.MapPost("/api/messages", (PostMessageRequest request) => ActAsync(request.As, async me =>
        {
            var channel = RequireChannel(request.Channel);
            var replyTo = request.ReplyTo is { Length: > 0 } reply ? emulator.FindMessage(ParseId(reply)) : null;
            var files = request.Files?.Select(f => new FileUpload(f.Name, Convert.FromBase64String(f.Base64), f.ContentType ?? "application/octet-stream")).ToList();
            var posted = await emulator.PostMessageAsync(me.User, channel, request.Content, replyTo, files);
            return new JsonObject { ["id"] = Id(posted.Id) };
        }));
        app.MapPost("/api/slash", (SlashCommandRequest request) => ActAsync(request.As, async me =>
        {
            var channel = RequireChannel(request.Channel);
            var command = RequireCommand(request.Command);
            var options = CommandOptions.Convert(emulator, command, request.Subcommand, request.Options);
            return await AnsweredAsync(await emulator.RunSlashCommandAsync(me.User, channel, request.Command, request.Subcommand, options));
        }));
        app.MapPost("/api/autocomplete", (AutocompleteRequest request) => ActAsync(request.As, async me =>
        {
            var channel = RequireChannel(request.Channel);
            var command = RequireCommand(request.Command);
            var options = CommandOptions.Convert(emulator, command, request.Subcommand, request.Options);
            options.Remove(request.Focused);
            var handle = await emulator.AutocompleteAsync(me.User, channel, request.Command, request.Subcommand, request.Focused, request.Typed, options);
            var response = await handle.ResponseAsync(_answerWait);
            return new JsonObject { ["choices"] = new JsonArray([.. response.Choices.Select(c => (JsonNode)c.DeepClone())]) };
        }));
        app.MapPost("/api/button", (ButtonRequest request) => ActAsync(request.As, async me =>
            await AnsweredAsync(await emulator.ClickButtonAsync(me.User, RequireMessage(request.Message), request.CustomId))));
        app.MapPost("/api/select", (SelectRequest request) => ActAsync(request.As, async me =>
            await AnsweredAsync(await emulator.SelectAsync(me.User, RequireMessage(request.Message), request.CustomId, [.. request.Values]))));
        app.MapPost("/api/message-command", (MessageCommandRequest request) => ActAsync(request.As, async me =>
            await AnsweredAsync(await emulator.RunMessageCommandAsync(me.User, RequireMessage(request.Message), request.Command))));
        app.MapPost("/api/modal", (ModalRequest request) => ActAsync(request.As, async me =>
        {
            if (!_modals.TryRemove(ParseId(request.Interaction), out var source))
            {
                throw new InvalidOperationException("That form was already sent or closed.");
            }

            return await AnsweredAsync(await emulator.SubmitModalAsync(
                me.User, source, request.Values ?? [], request.Selections ?? []));
        }));
        app.MapPost("/api/modal/{id}/close", (string id) =>
        {
            _modals.TryRemove(ParseId(id), out _);
            return Results.Ok();
        });
        app.MapPost("/api/clock", (ClockRequest request) =>
        {
            if (request.Hours is <= 0 or > 24 * 60)
            {
                return Results.BadRequest(new { error = "Move the clock forward by 1 hour to 60 days." });
            }

            clock.Advance(TimeSpan.FromHours(request.Hours));
            live.ClockMoved();
            return Results.Json(new { now = clock.GetUtcNow().ToString("O") });
        });
    }

    private async Task<JsonObject> AnsweredAsync(InteractionHandle handle)
    {
        InteractionResponse response;
        try
        {
            response = await handle.ResponseAsync(_answerWait);
        }
        catch (TimeoutException)
        {
            return new JsonObject { ["error"] = NoAnswer };
        }

        var answer = new JsonObject { ["interaction"] = Id(handle.Id), ["type"] = response.Type };
        if (response.IsModal && handle.Modal is { } modal)
        {
            _modals[handle.Id] = handle;
            answer["modal"] = modal.DeepClone();
        }

        return answer;
    }

    private async Task<IResult> ActAsync(string @as, Func<SamplePerson, Task<JsonObject>> act)
    {
        if (Person(@as) is not { } me)
        {
            return UnknownPerson();
        }

        try
        {
            return Results.Json(await act(me));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
        {
            // What a real client would not let the user do (a disabled button, a wrong value): said, nothing sent.
            return Results.BadRequest(new { error = ex.Message });
        }
        catch (TimeoutException)
        {
            return Results.Json(new JsonObject { ["error"] = NoAnswer });
        }
    }

    private SamplePerson? Person(string id) =>
        ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) ? server.Find(userId) : null;

    private static IResult UnknownPerson() => Results.BadRequest(new { error = "Pick who you are: ?as= one of the sample people." });

    private EmulatedChannel? Channel(string id) =>
        ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var channelId) ? emulator.FindChannel(channelId) : null;

    private static bool CanSee(SamplePerson me, EmulatedChannel channel) =>
        channel.Kind != ChannelKind.Dm || channel.Recipient == me.User;

    private EmulatedChannel RequireChannel(string id) => Channel(id) ?? throw new KeyNotFoundException("No such channel.");

    private EmulatedMessage RequireMessage(string id) =>
        emulator.FindMessage(ParseId(id)) ?? throw new KeyNotFoundException("No such message.");

    private RegisteredCommand RequireCommand(string name) =>
        emulator.RegisteredCommands.FirstOrDefault(c => c.Name == name && c.Type == 1)
        ?? throw new KeyNotFoundException($"/{name} is not registered (yet).");

    private static ulong ParseId(string id) => ulong.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
