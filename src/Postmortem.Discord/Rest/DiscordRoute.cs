using System.Text;

namespace Postmortem.Discord.Rest;

/// <summary>
/// One REST call: its template (which names the route for rate limiting and for logs), the concrete path and its
/// major parameter. <see cref="ToString"/> is the template, so logs never carry ids' secrets such as interaction tokens.
/// </summary>
internal sealed record DiscordRoute
{
    private DiscordRoute(HttpMethod method, string template, string path, string majorParameter)
    {
        Method = method;
        Template = template;
        Path = path;
        MajorParameter = majorParameter;
    }

    public HttpMethod Method { get; }

    /// <summary>E.g. "/channels/{channel_id}/messages/{message_id}": ids in non-major positions stay placeholders.</summary>
    public string Template { get; }

    /// <summary>The concrete path and query. Contains tokens for interaction routes: never log it.</summary>
    public string Path { get; }

    /// <summary>
    /// The top-level resource the bucket is scoped to: channel_id, guild_id, webhook_id+token, or (our choice)
    /// interaction_id, so one interaction's 3-second callback never queues behind another's. Empty otherwise.
    /// </summary>
    public string MajorParameter { get; }

    /// <summary>Key under which the bucket hash Discord reports for this route is remembered.</summary>
    public string RouteKey => $"{Method.Method} {Template}";

    /// <summary>
    /// Interaction callbacks and follow-ups: authorised by the interaction token in the path, and not bound by the
    /// global 50/s limit (rate-limits.mdx). A 401 here is about that token, not the bot's.
    /// </summary>
    public bool IsInteractionRoute =>
        Template.StartsWith("/interactions/", StringComparison.Ordinal)
        || Template.StartsWith("/webhooks/{application_id}/{interaction_token}", StringComparison.Ordinal);

    /// <summary>
    /// Whether sending it again after an attempt that may have reached Discord cannot do the work twice: reads, edits,
    /// deletes and puts converge; channel messages carry an enforced nonce; a DM channel and a thread from a message
    /// exist once. Other creates (interaction followups, which take no nonce, and threads without a message) do not.
    /// </summary>
    public bool IsSafeToRepeat =>
        Method != HttpMethod.Post
        || Template is "/channels/{channel_id}/messages" or "/users/@me/channels" or "/channels/{channel_id}/messages/{message_id}/threads";

    public override string ToString() => RouteKey;

    /// <summary>Fills the template's placeholders in order with <paramref name="values"/> (escaped).</summary>
    public static DiscordRoute Create(HttpMethod method, string template, params ReadOnlySpan<string> values) =>
        CreateWithQuery(method, template, query: null, values);

    /// <summary>As <see cref="Create"/>, plus an already-encoded query string (without '?').</summary>
    public static DiscordRoute CreateWithQuery(HttpMethod method, string template, string? query, params ReadOnlySpan<string> values)
    {
        var path = new StringBuilder(template.Length + 32);
        var major = "";
        var index = 0;
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                path.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open);
            var name = template[(open + 1)..close];
            if (index >= values.Length)
            {
                throw new ArgumentException($"Route {template} needs a value for {{{name}}}.", nameof(values));
            }

            var value = values[index++];
            path.Append(template, position, open - position).Append(Uri.EscapeDataString(value));
            major = MajorFor(template, name, value, major, first: index == 1);
            position = close + 1;
        }

        if (index != values.Length)
        {
            throw new ArgumentException($"Route {template} takes {index} values, got {values.Length}.", nameof(values));
        }

        if (!string.IsNullOrEmpty(query))
        {
            path.Append('?').Append(query);
        }

        return new DiscordRoute(method, template, path.ToString(), major);
    }

    // Only the top-level resource's id is major (channel, guild, webhook, interaction); a webhook adds its token.
    private static string MajorFor(string template, string name, string value, string current, bool first) => name switch
    {
        "channel_id" or "guild_id" or "interaction_id" when first => value,
        "application_id" when first && template.StartsWith("/webhooks/", StringComparison.Ordinal) => value,
        "interaction_token" when template.StartsWith("/webhooks/", StringComparison.Ordinal) => $"{current}/{value}",
        _ => current,
    };
}
