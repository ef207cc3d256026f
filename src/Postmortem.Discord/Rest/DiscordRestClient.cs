using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Postmortem.Discord.Json;
using Postmortem.Discord.Models;
using Postmortem.Discord.Rest.RateLimiting;

namespace Postmortem.Discord.Rest;

/// <summary>
/// Discord REST over one HttpClient, with Discord's rate limits handled (topics/rate-limits): buckets learnt from
/// X-RateLimit-Bucket per (hash, major parameter), requests in a bucket sent one at a time, a pre-emptive wait when
/// a bucket is exhausted, 429 retry_after honoured (a global 429 stops every request bound by the global limit), a
/// global gate under Discord's 50/s that interaction callbacks and follow-ups bypass, a probe per route until its
/// bucket is known, an invalid-request breaker, and bounded retries with backoff for 5xx and network failures. All
/// waiting goes through the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Register the HttpClient without request logging (IHttpClientBuilder.RemoveAllLoggers): its default logger writes
/// full URIs, and interaction routes carry the interaction token in the path. HttpClient.Timeout bounds each attempt;
/// a timeout is retried like a network error.
/// </remarks>
public sealed class DiscordRestClient : IDiscordRestClient
{
    /// <summary>Retries after the first attempt for 5xx answers and network errors.</summary>
    public const int MaxRetries = 3;

    /// <summary>How many 429s one call may receive before it gives up.</summary>
    public const int MaxRateLimitRetries = 5;

    /// <summary>The first retry's delay; each further retry doubles it, plus up to 50% jitter.</summary>
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>Discord's deadline for the initial callback, counted from INTERACTION_CREATE.</summary>
    public static readonly TimeSpan InteractionDeadline = TimeSpan.FromSeconds(3);

    /// <summary>
    /// An initial callback attempt starts only while at least this much of the deadline is left: the request still has
    /// to travel to Discord (and an attempt past the deadline only earns 10062).
    /// </summary>
    public static readonly TimeSpan CallbackTransitMargin = TimeSpan.FromMilliseconds(150);

    /// <summary>The first callback retry's delay; it doubles per retry. Short, as the whole budget is 3 s.</summary>
    public static readonly TimeSpan CallbackRetryBaseDelay = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan _maxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly Uri _baseUri;
    private readonly RateLimiter _limits;
    private readonly InvalidRequestGuard _invalid;
    private volatile bool _tokenRejected;

    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _time = time;
        _logger = logger;
        // A base without a trailing slash would drop its last segment ("v10") when combined with a relative path.
        var root = _options.ApiBaseUrl.ToString();
        _baseUri = new Uri(root.EndsWith('/') ? root : root + "/");
        _limits = new RateLimiter(time, _options.RateLimits);
        _invalid = new InvalidRequestGuard(time, _options.RateLimits, logger);
    }

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync(Route(HttpMethod.Get, "/gateway/bot"), null, DiscordJsonContext.Default.GatewayBotInfo, cancellationToken);

    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        SendAsync(Route(HttpMethod.Get, "/users/@me"), null, DiscordJsonContext.Default.User, cancellationToken);

    public Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        SendAsync(Route(HttpMethod.Get, "/applications/@me"), null, DiscordJsonContext.Default.Application, cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> GetGlobalCommandsAsync(Snowflake applicationId, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Get, "/applications/{application_id}/commands", applicationId),
            null,
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand,
            cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> GetGuildCommandsAsync(Snowflake applicationId, Snowflake guildId, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Get, "/applications/{application_id}/guilds/{guild_id}/commands", applicationId, guildId),
            null,
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand,
            cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> OverwriteGlobalCommandsAsync(
        Snowflake applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Put, "/applications/{application_id}/commands", applicationId),
            RequestBody.Create(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand),
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand,
            cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> OverwriteGuildCommandsAsync(
        Snowflake applicationId, Snowflake guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", applicationId, guildId),
            RequestBody.Create(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand),
            DiscordJsonContext.Default.IReadOnlyListApplicationCommand,
            cancellationToken);

    public Task RespondToInteractionAsync(
        Snowflake interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken = default) =>
        RespondToInteractionAsync(interactionId, interactionToken, response, _time.GetUtcNow() + InteractionDeadline, cancellationToken);

    public Task<InteractionCallbackOutcome> RespondToInteractionAsync(
        Snowflake interactionId, string interactionToken, InteractionResponse response, DateTimeOffset respondBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var route = DiscordRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", interactionId.ToString(), interactionToken);
        IReadOnlyList<FileUpload> files = [];
        if (response is { Type: InteractionCallbackType.ChannelMessageWithSource or InteractionCallbackType.UpdateMessage, Data: MessagePayload message })
        {
            (message, files) = RequestBody.Prepare(message);
            response = response with { Data = message };
        }

        return ExecuteCallbackAsync(route, RequestBody.Create(response, DiscordJsonContext.Default.InteractionResponse, files), respondBy, cancellationToken);
    }

    public Task<Message> EditOriginalResponseAsync(
        Snowflake applicationId, string interactionToken, MessagePayload edit, CancellationToken cancellationToken = default) =>
        SendMessageAsync(WebhookRoute(HttpMethod.Patch, "/messages/@original", applicationId, interactionToken), edit, cancellationToken);

    public Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        SendAsync(WebhookRoute(HttpMethod.Delete, "/messages/@original", applicationId, interactionToken), null, cancellationToken);

    public Task<Message> CreateFollowupAsync(
        Snowflake applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken = default) =>
        SendMessageAsync(WebhookRoute(HttpMethod.Post, "", applicationId, interactionToken), message, cancellationToken);

    public Task<Message> EditFollowupAsync(
        Snowflake applicationId, string interactionToken, Snowflake messageId, MessagePayload edit, CancellationToken cancellationToken = default) =>
        SendMessageAsync(WebhookRoute(HttpMethod.Patch, "/messages/{message_id}", applicationId, interactionToken, messageId), edit, cancellationToken);

    public Task DeleteFollowupAsync(
        Snowflake applicationId, string interactionToken, Snowflake messageId, CancellationToken cancellationToken = default) =>
        SendAsync(WebhookRoute(HttpMethod.Delete, "/messages/{message_id}", applicationId, interactionToken, messageId), null, cancellationToken);

    public Task<Message> CreateMessageAsync(Snowflake channelId, MessagePayload message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        // A retried POST after a timeout must not post twice: Discord dedupes on an enforced nonce.
        var withNonce = message with { Nonce = message.Nonce ?? NewNonce(), EnforceNonce = message.EnforceNonce ?? true };
        return SendMessageAsync(Route(HttpMethod.Post, "/channels/{channel_id}/messages", channelId), withNonce, cancellationToken);
    }

    public Task<Message> EditMessageAsync(
        Snowflake channelId, Snowflake messageId, MessagePayload edit, CancellationToken cancellationToken = default) =>
        SendMessageAsync(Route(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", channelId, messageId), edit, cancellationToken);

    public Task<Message> GetMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Get, "/channels/{channel_id}/messages/{message_id}", channelId, messageId),
            null,
            DiscordJsonContext.Default.Message,
            cancellationToken);

    public Task<IReadOnlyList<Message>> GetMessagesAsync(
        Snowflake channelId, MessageQuery? query = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<string>();
        AddQuery(parameters, "around", query?.Around);
        AddQuery(parameters, "before", query?.Before);
        AddQuery(parameters, "after", query?.After);
        if (query?.Limit is { } limit)
        {
            parameters.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
        }

        var route = DiscordRoute.CreateWithQuery(HttpMethod.Get, "/channels/{channel_id}/messages", string.Join('&', parameters), channelId.ToString());
        return SendAsync(route, null, DiscordJsonContext.Default.IReadOnlyListMessage, cancellationToken);
    }

    public Task PinMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken = default) =>
        SendAsync(Route(HttpMethod.Put, "/channels/{channel_id}/messages/pins/{message_id}", channelId, messageId), null, cancellationToken);

    public Task<Channel> StartThreadFromMessageAsync(
        Snowflake channelId, Snowflake messageId, ThreadFromMessageRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Post, "/channels/{channel_id}/messages/{message_id}/threads", channelId, messageId),
            RequestBody.Create(request, DiscordJsonContext.Default.ThreadFromMessageRequest),
            DiscordJsonContext.Default.Channel,
            cancellationToken);

    public Task<Channel> StartThreadAsync(Snowflake channelId, ThreadCreateRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Post, "/channels/{channel_id}/threads", channelId),
            RequestBody.Create(request, DiscordJsonContext.Default.ThreadCreateRequest),
            DiscordJsonContext.Default.Channel,
            cancellationToken);

    public Task<Channel> CreateForumPostAsync(Snowflake forumChannelId, ForumPostRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (message, files) = RequestBody.Prepare(request.Message);
        return SendAsync(
            Route(HttpMethod.Post, "/channels/{channel_id}/threads", forumChannelId),
            RequestBody.Create(request with { Message = message }, DiscordJsonContext.Default.ForumPostRequest, files),
            DiscordJsonContext.Default.Channel,
            cancellationToken);
    }

    public Task<Channel> ModifyChannelAsync(Snowflake channelId, ChannelModifyRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Patch, "/channels/{channel_id}", channelId),
            RequestBody.Create(request, DiscordJsonContext.Default.ChannelModifyRequest),
            DiscordJsonContext.Default.Channel,
            cancellationToken);

    public Task<Channel> GetChannelAsync(Snowflake channelId, CancellationToken cancellationToken = default) =>
        SendAsync(Route(HttpMethod.Get, "/channels/{channel_id}", channelId), null, DiscordJsonContext.Default.Channel, cancellationToken);

    public Task<IReadOnlyList<Channel>> GetGuildChannelsAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        SendAsync(Route(HttpMethod.Get, "/guilds/{guild_id}/channels", guildId), null, DiscordJsonContext.Default.IReadOnlyListChannel, cancellationToken);

    public Task<Channel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Post, "/users/@me/channels"),
            RequestBody.Create(new DmCreateRequest(userId), DiscordJsonContext.Default.DmCreateRequest),
            DiscordJsonContext.Default.Channel,
            cancellationToken);

    public Task<GuildScheduledEvent> CreateGuildScheduledEventAsync(
        Snowflake guildId, GuildScheduledEventCreateRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Post, "/guilds/{guild_id}/scheduled-events", guildId),
            RequestBody.Create(request, DiscordJsonContext.Default.GuildScheduledEventCreateRequest),
            DiscordJsonContext.Default.GuildScheduledEvent,
            cancellationToken);

    public Task<GuildScheduledEvent> ModifyGuildScheduledEventAsync(
        Snowflake guildId, Snowflake eventId, GuildScheduledEventModifyRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(
            Route(HttpMethod.Patch, "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}", guildId, eventId),
            RequestBody.Create(request, DiscordJsonContext.Default.GuildScheduledEventModifyRequest),
            DiscordJsonContext.Default.GuildScheduledEvent,
            cancellationToken);

    public Task DeleteGuildScheduledEventAsync(Snowflake guildId, Snowflake eventId, CancellationToken cancellationToken = default) =>
        SendAsync(Route(HttpMethod.Delete, "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}", guildId, eventId), null, cancellationToken);

    public Task<GuildMember> GetGuildMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default) =>
        SendAsync(Route(HttpMethod.Get, "/guilds/{guild_id}/members/{user_id}", guildId, userId), null, DiscordJsonContext.Default.GuildMember, cancellationToken);

    public Task<IReadOnlyList<Role>> GetGuildRolesAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        SendAsync(Route(HttpMethod.Get, "/guilds/{guild_id}/roles", guildId), null, DiscordJsonContext.Default.IReadOnlyListRole, cancellationToken);

    private static DiscordRoute Route(HttpMethod method, string template, params ReadOnlySpan<Snowflake> ids)
    {
        var values = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            values[i] = ids[i].ToString();
        }

        return DiscordRoute.Create(method, template, values);
    }

    private static DiscordRoute WebhookRoute(HttpMethod method, string suffix, Snowflake applicationId, string token, Snowflake? messageId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var template = "/webhooks/{application_id}/{interaction_token}" + suffix;
        return messageId is { } id
            ? DiscordRoute.Create(method, template, applicationId.ToString(), token, id.ToString())
            : DiscordRoute.Create(method, template, applicationId.ToString(), token);
    }

    private static void AddQuery(List<string> parameters, string name, Snowflake? value)
    {
        if (value is { } id)
        {
            parameters.Add($"{name}={id}");
        }
    }

    private string NewNonce()
    {
        // A snowflake-shaped number (≤ 20 digits, within Discord's 25) that is unique per call in practice.
        var id = Snowflake.FromTimestamp(_time.GetUtcNow()).Value | (ulong)Random.Shared.NextInt64(1L << 22);
        return id.ToString(CultureInfo.InvariantCulture);
    }

    private Task<Message> SendMessageAsync(DiscordRoute route, MessagePayload message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (prepared, files) = RequestBody.Prepare(message);
        return SendAsync(route, RequestBody.Create(prepared, DiscordJsonContext.Default.MessagePayload, files), DiscordJsonContext.Default.Message, cancellationToken);
    }

    private async Task<T> SendAsync<T>(DiscordRoute route, RequestBody? body, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        var bytes = await ExecuteAsync(route, body, cancellationToken);
        return JsonSerializer.Deserialize(bytes, resultType)
            ?? throw new DiscordRestException($"{route} returned no body.");
    }

    private async Task SendAsync(DiscordRoute route, RequestBody? body, CancellationToken cancellationToken) =>
        await ExecuteAsync(route, body, cancellationToken);

    private async Task<byte[]> ExecuteAsync(DiscordRoute route, RequestBody? body, CancellationToken cancellationToken)
    {
        if (_tokenRejected)
        {
            // Discord: after a 401 stop using the token; repeated 401s count toward the invalid-request ban.
            throw new DiscordRestException($"{route} not sent: Discord rejected the bot token earlier (401).");
        }

        ThrowIfNoToken();

        using var turn = await BucketTurn.TakeAsync(_limits, route, cancellationToken);
        var bucket = turn.Bucket;
        var failures = 0;
        var rateLimits = 0;
        while (true)
        {
            var wait = bucket.DelayBeforeNext(_time.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                RestLog.WaitingForBucket(_logger, route, wait, bucket.Name);
                await Task.Delay(wait, _time, cancellationToken);
            }

            IDisposable? globalSlot = null;
            if (!route.IsInteractionRoute)
            {
                await _invalid.WaitAsync(route, cancellationToken);
                globalSlot = await _limits.Global.AcquireAsync(cancellationToken);
            }

            Attempt attempt;
            try
            {
                attempt = await SendOnceAsync(route, body, cancellationToken);
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken))
            {
                globalSlot?.Dispose(); // not held through the backoff below
                if (!route.IsSafeToRepeat && MayHaveReachedDiscord(exception))
                {
                    RestLog.NotRepeated(_logger, route, exception.GetType().Name);
                    throw new DiscordRestException($"{route} may or may not have been done ({exception.GetType().Name}); it was not repeated.", exception);
                }

                if (++failures > MaxRetries)
                {
                    throw new DiscordRestException($"{route} failed after {failures} attempts: {exception.GetType().Name}", exception);
                }

                await BackoffAsync(route, exception.GetType().Name, failures, cancellationToken);
                continue;
            }
            finally
            {
                // The slot counts from the answer on: Discord counted the request somewhere before it.
                globalSlot?.Dispose();
            }

            turn.Learn(attempt.Headers);

            _invalid.Observe(route, attempt.Status, attempt.Headers.Scope);
            if (attempt.Status == HttpStatusCode.TooManyRequests)
            {
                if (++rateLimits > MaxRateLimitRetries)
                {
                    throw DiscordErrorParser.ToException(attempt.Status, attempt.Body, route);
                }

                HandleRateLimit(route, bucket, attempt);
                continue;
            }

            if ((int)attempt.Status >= 500)
            {
                // A 5xx may come after Discord did the work: a create without a nonce is not sent again.
                if (++failures > MaxRetries || !route.IsSafeToRepeat)
                {
                    if (!route.IsSafeToRepeat)
                    {
                        RestLog.NotRepeated(_logger, route, ((int)attempt.Status).ToString(CultureInfo.InvariantCulture));
                    }

                    throw DiscordErrorParser.ToException(attempt.Status, attempt.Body, route);
                }

                await BackoffAsync(route, ((int)attempt.Status).ToString(CultureInfo.InvariantCulture), failures, cancellationToken);
                continue;
            }

            if ((int)attempt.Status is >= 200 and < 300)
            {
                return attempt.Body;
            }

            if (attempt.Status == HttpStatusCode.Unauthorized && !route.IsInteractionRoute)
            {
                _tokenRejected = true;
                RestLog.TokenRejected(_logger, route);
            }

            var error = DiscordErrorParser.ToException(attempt.Status, attempt.Body, route);
            RestLog.Failed(_logger, route, (int)attempt.Status, error.Code, error.DiscordMessage);
            throw error;
        }
    }

    // The initial callback: every attempt must be able to arrive by respondBy; once one may have reached Discord, a
    // 40060 on a later one means it did. Within one interaction nothing queues ahead of it (its own bucket).
    private async Task<InteractionCallbackOutcome> ExecuteCallbackAsync(DiscordRoute route, RequestBody body, DateTimeOffset respondBy, CancellationToken cancellationToken)
    {
        ThrowIfNoToken();

        using var turn = await BucketTurn.TakeAsync(_limits, route, cancellationToken);
        var bucket = turn.Bucket;
        var maybeDelivered = false;
        var attempts = 0;
        var reason = "no time left";
        // Every attempt is cut off at the deadline: an answer after it could not help.
        using var deadline = new CancellationTokenSource(Max(respondBy - _time.GetUtcNow(), TimeSpan.Zero), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        while (true)
        {
            var wait = bucket.DelayBeforeNext(_time.GetUtcNow());
            if (!Fits(wait, respondBy))
            {
                return GiveUp(route, maybeDelivered, attempts, reason + ", then a rate-limit wait");
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            Attempt attempt;
            attempts++;
            try
            {
                attempt = await SendOnceAsync(route, body, linked.Token);
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken))
            {
                maybeDelivered |= MayHaveReachedDiscord(exception);
                reason = exception.GetType().Name;
                if (!await CallbackBackoffAsync(route, reason, attempts, respondBy, cancellationToken))
                {
                    return GiveUp(route, maybeDelivered, attempts, reason);
                }

                continue;
            }

            turn.Learn(attempt.Headers);

            _invalid.Observe(route, attempt.Status, attempt.Headers.Scope);
            if ((int)attempt.Status is >= 200 and < 300)
            {
                return InteractionCallbackOutcome.Acknowledged;
            }

            if (attempt.Status == HttpStatusCode.TooManyRequests)
            {
                HandleRateLimit(route, bucket, attempt);
                reason = "429";
                continue; // the bucket now says how long to wait; the loop checks it still fits
            }

            if ((int)attempt.Status >= 500)
            {
                maybeDelivered = true; // a 5xx may come after Discord took it
                reason = ((int)attempt.Status).ToString(CultureInfo.InvariantCulture);
                if (!await CallbackBackoffAsync(route, reason, attempts, respondBy, cancellationToken))
                {
                    return GiveUp(route, maybeDelivered, attempts, reason);
                }

                continue;
            }

            var error = DiscordErrorParser.ToException(attempt.Status, attempt.Body, route);
            if (maybeDelivered && error.Code == DiscordErrorCodes.InteractionAlreadyAcknowledged)
            {
                return InteractionCallbackOutcome.Acknowledged; // our earlier attempt got through
            }

            if (maybeDelivered && error.Code == DiscordErrorCodes.UnknownInteraction)
            {
                return GiveUp(route, maybeDelivered, attempts, "10062 after an attempt that may have got through");
            }

            RestLog.Failed(_logger, route, (int)attempt.Status, error.Code, error.DiscordMessage);
            throw error;
        }
    }

    private void ThrowIfNoToken()
    {
        if (string.IsNullOrEmpty(_options.Token))
        {
            throw new InvalidOperationException("The Discord bot token is not configured (Discord:Token).");
        }
    }

    private bool Fits(TimeSpan wait, DateTimeOffset respondBy) => _time.GetUtcNow() + wait + CallbackTransitMargin < respondBy;

    private async Task<bool> CallbackBackoffAsync(DiscordRoute route, string reason, int attempt, DateTimeOffset respondBy, CancellationToken cancellationToken)
    {
        var delay = CallbackRetryBaseDelay * Math.Pow(2, attempt - 1) * (1 + (Random.Shared.NextDouble() * 0.5));
        if (attempt > MaxRetries || !Fits(delay, respondBy))
        {
            return false;
        }

        RestLog.Retrying(_logger, route, reason, attempt, MaxRetries, delay);
        await Task.Delay(delay, _time, cancellationToken);
        return true;
    }

    private InteractionCallbackOutcome GiveUp(DiscordRoute route, bool maybeDelivered, int attempts, string reason)
    {
        if (!maybeDelivered)
        {
            throw new DiscordRestException($"{route} was not delivered within the interaction's 3-second deadline ({attempts} attempt(s), {reason}).");
        }

        RestLog.CallbackDeadline(_logger, route, InteractionCallbackOutcome.MaybeAcknowledged, attempts, reason);
        return InteractionCallbackOutcome.MaybeAcknowledged;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>False only for failures that happen before a request leaves: no connection, no name, no TLS.</summary>
    private static bool MayHaveReachedDiscord(Exception exception) => exception is not HttpRequestException
    {
        HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.ProxyTunnelError or HttpRequestError.SecureConnectionError,
    };

    private async Task<Attempt> SendOnceAsync(DiscordRoute route, RequestBody? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, new Uri(_baseUri, route.Path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Content = body?.ToContent();

        var started = _time.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = _time.GetElapsedTime(started);
        RestLog.Completed(_logger, route, (int)response.StatusCode, elapsed.TotalMilliseconds);
        return new Attempt(response.StatusCode, RateLimitHeaders.Parse(response.Headers), bytes);
    }

    private void HandleRateLimit(DiscordRoute route, RateLimitBucket bucket, Attempt attempt)
    {
        RateLimitBody? body = null;
        try
        {
            body = attempt.Body.Length == 0 ? null : JsonSerializer.Deserialize(attempt.Body, DiscordJsonContext.Default.RateLimitBody);
        }
        catch (JsonException)
        {
            // Cloudflare's 429 is HTML; the headers still say how long to wait.
        }

        var retryAfter = body?.RetryAfter is { } seconds and >= 0
            ? TimeSpan.FromSeconds(seconds)
            : attempt.Headers.RetryAfter ?? attempt.Headers.ResetAfter ?? TimeSpan.FromSeconds(1);
        var global = attempt.Headers.Global || body?.Global == true;
        _limits.RateLimited(route, bucket, retryAfter, global);
        RestLog.RateLimited(_logger, route, attempt.Headers.Scope ?? (global ? "global" : "route"), bucket.Name, retryAfter);
    }

    private async Task BackoffAsync(DiscordRoute route, string reason, int failure, CancellationToken cancellationToken)
    {
        var delay = RetryDelay(failure);
        RestLog.Retrying(_logger, route, reason, failure, MaxRetries, delay);
        await Task.Delay(delay, _time, cancellationToken);
    }

    /// <summary>Exponential: base·2^(n-1), plus up to 50% random jitter so restarted clients do not retry in step.</summary>
    internal static TimeSpan RetryDelay(int failure)
    {
        var exponential = RetryBaseDelay * Math.Pow(2, failure - 1);
        var jittered = exponential * (1 + (Random.Shared.NextDouble() * 0.5));
        return jittered < _maxRetryDelay ? jittered : _maxRetryDelay;
    }

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or IOException or TimeoutException => true,
        // HttpClient.Timeout surfaces as a cancellation the caller did not ask for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private sealed record Attempt(HttpStatusCode Status, RateLimitHeaders Headers, byte[] Body);
}
