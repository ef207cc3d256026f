using System.Text.Json.Nodes;

namespace Postmortem.Discord.Emulator;

/// <summary>
/// Turns broken rules into Discord's answer plus a recorded violation. Bodies are checked against the docs
/// (the <see cref="FormErrors"/> a handler collected) and against discord-api-spec's schema for the operation.
/// </summary>
internal sealed class RequestChecks(EmulatorState state)
{
    public async Task<RestResult?> ValidateAsync(RestContext context, string operation, FormErrors errors, JsonNode? body = null)
    {
        body ??= context.Body;
        if (state.Options.ValidateSchemas)
        {
            try
            {
                foreach (var error in await SchemaValidator.Shared.ValidateAsync(operation, body, context.Http.RequestAborted))
                {
                    errors.Add(string.Join('.', error.Path), $"SCHEMA_{error.Code.ToUpperInvariant()}",
                        $"{error.Message} (discord-api-spec {operation})");
                }
            }
            catch (InvalidOperationException ex)
            {
                state.AddViolation("emulator", $"Could not schema-check {context.Source}: {ex.Message}");
            }
        }

        return errors.IsEmpty
            ? null
            : Reject(context, RestResult.InvalidFormBody(errors), $"400 Invalid Form Body: {errors.Describe()}");
    }

    /// <summary>Records why the bot was refused and returns Discord's response.</summary>
    public RestResult Reject(RestContext context, RestResult result, string reason)
    {
        state.AddViolation(context.Source, reason);
        return result;
    }

    /// <summary>A body that must be a JSON object; null with a recorded 400 otherwise.</summary>
    public RestResult? RequireObject(RestContext context, out JsonObject body)
    {
        body = context.BodyObject!;
        if (body is not null)
        {
            return null;
        }

        var errors = new FormErrors();
        errors.Add("", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
        body = [];
        return Reject(context, RestResult.InvalidFormBody(errors), "400 Invalid Form Body: the body must be a JSON object.");
    }
}
