namespace Postmortem.Discord.Emulator;

/// <summary>Users and DM channels (resources/user.mdx "Create DM").</summary>
internal sealed class UserEndpoints(EmulatorState state, RequestChecks checks)
{
    public void Map(RestRouter router)
    {
        router.Map("GET", "/users/{user_id}", GetUser);
        router.Map("POST", "/users/@me/channels", CreateDmAsync);
    }

    private RestResult GetUser(RestContext context) =>
        context.Snowflake("user_id") is { } id && state.FindUser(id) is { } user
            ? RestResult.Json(DiscordJson.User(user))
            : RestResult.UnknownUser();

    private async Task<RestResult> CreateDmAsync(RestContext context)
    {
        if (checks.RequireObject(context, out var body) is { } notObject)
        {
            return notObject;
        }

        var errors = new FormErrors();
        var recipient = body["recipient_id"].Snowflake() is { } id ? state.FindUser(id) : null;
        if (recipient is null || recipient == state.BotUser)
        {
            errors.Add("recipient_id", "USER_UNKNOWN", $"recipient_id {body["recipient_id"]?.ToJsonString() ?? "(missing)"} is not a user the bot can DM.");
        }

        if (await checks.ValidateAsync(context, "create_dm", errors) is { } invalid)
        {
            return invalid;
        }

        // Opening the channel works even when the user refuses DMs; sending to it is what fails (50007).
        return RestResult.Json(DiscordJson.Channel(state.OpenDm(recipient!)));
    }
}
