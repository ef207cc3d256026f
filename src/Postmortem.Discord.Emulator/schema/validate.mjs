// Checks request bodies against Discord's own Zod schemas (npm discord-api-spec, generated from
// discord/discord-api-spec). A long-lived process: one JSON request per stdin line,
// {"id": 1, "operation": "create_message", "body": {...}}, one JSON answer per stdout line,
// {"id": 1, "ok": false, "errors": [{"path": ["content"], "code": "too_big", "message": "..."}]}.
//
// Objects are not strict: setStrictObject() only affects schemas built after it is called, and the
// module builds them all when it is imported. Discord itself ignores unknown fields, so that is fine.
import { createInterface } from "node:readline";
import * as z from "zod/mini";
import * as spec from "discord-api-spec/zod";

// zod/mini ships without messages ("Invalid input"); load the English ones so reports are readable.
z.config(z.locales.en());

// Documented deviations from the spec ("the docs win"): each rewrites a body before validation.
//  - default_member_permissions: the docs type it as a string bit set ("?string"); the spec says number.
//  - attachments[].id: reference.mdx "Uploading Files" sends the files[n] index as a number ("id": 0);
//    the spec only allows a snowflake string.
const docsOverrides = {
  bulk_set_commands: (body) => (Array.isArray(body) ? body.map(permissionsAsNumber) : body),
};
const messageOperations = [
  "create_message", "edit_message", "interaction_callback", "execute_webhook", "edit_webhook_message",
  "create_forum_thread",
];
for (const operation of messageOperations) docsOverrides[operation] = attachmentIdsAsStrings;

function permissionsAsNumber(command) {
  if (command && typeof command === "object" && typeof command.default_member_permissions === "string"
    && /^\d+$/.test(command.default_member_permissions)) {
    return { ...command, default_member_permissions: Number(command.default_member_permissions) };
  }
  return command;
}

function attachmentIdsAsStrings(node) {
  if (Array.isArray(node)) return node.map(attachmentIdsAsStrings);
  if (!node || typeof node !== "object") return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] = key === "attachments" && Array.isArray(value)
      ? value.map((a) => (a && typeof a === "object" && Number.isInteger(a.id) ? { ...a, id: String(a.id) } : a))
      : attachmentIdsAsStrings(value);
  }
  return copy;
}

const callbackSchemas = {
  1: spec.PongInteractionCallbackRequestSchema,
  4: spec.CreateMessageInteractionCallbackRequestSchema,
  5: spec.CreateMessageInteractionCallbackRequestSchema,
  6: spec.UpdateMessageInteractionCallbackRequestSchema,
  7: spec.UpdateMessageInteractionCallbackRequestSchema,
  8: spec.ApplicationCommandAutocompleteCallbackRequestSchema,
  9: spec.ModalInteractionCallbackRequestSchema,
  12: spec.LaunchActivityInteractionCallbackRequestSchema,
};

// The spec's anyOf for the callback is discriminated by `type`; picking the branch by type gives
// errors about the branch the caller meant instead of seven "no match" reports.
const interactionCallback = {
  safeParse(body) {
    const schema = body && typeof body === "object" ? callbackSchemas[body.type] : undefined;
    if (!schema) {
      return {
        success: false,
        error: { issues: [{ path: ["type"], code: "invalid_value", message: "Unknown interaction callback type" }] },
      };
    }
    return z.safeParse(schema, body);
  },
};

const schemas = {
  create_message: spec.MessageCreateRequestSchema,
  edit_message: spec.MessageEditRequestPartialSchema,
  interaction_callback: interactionCallback,
  execute_webhook: z.union([spec.IncomingWebhookRequestPartialSchema, spec.IncomingWebhookUpdateRequestPartialSchema]),
  edit_webhook_message: spec.IncomingWebhookUpdateRequestPartialSchema,
  create_thread_from_message: spec.CreateTextThreadWithMessageRequestSchema,
  create_thread: spec.CreateTextThreadWithoutMessageRequestSchema,
  create_forum_thread: spec.CreateForumThreadRequestSchema,
  update_thread: spec.UpdateThreadRequestPartialSchema,
  update_channel: spec.UpdateGuildChannelRequestPartialSchema,
  bulk_set_commands: z.nullable(z.array(spec.ApplicationCommandUpdateRequestSchema).check(z.maxLength(130))),
  create_dm: spec.CreatePrivateChannelRequestSchema,
  create_scheduled_event: z.union([
    spec.ExternalScheduledEventCreateRequestSchema, spec.StageScheduledEventCreateRequestSchema, spec.VoiceScheduledEventCreateRequestSchema,
  ]),
  modify_scheduled_event: z.union([
    spec.ExternalScheduledEventPatchRequestPartialSchema, spec.StageScheduledEventPatchRequestPartialSchema, spec.VoiceScheduledEventPatchRequestPartialSchema,
  ]),
};

function validate(operation, body) {
  const schema = schemas[operation];
  if (!schema) {
    return { ok: false, errors: [{ path: [], code: "unknown_operation", message: `No schema for operation '${operation}'` }] };
  }
  const override = docsOverrides[operation];
  const input = override ? override(body) : body;
  const result = schema === interactionCallback ? schema.safeParse(input) : z.safeParse(schema, input);
  return result.success ? { ok: true, errors: [] } : { ok: false, errors: flatten(result.error.issues, []) };
}

// Union failures nest one issue list per branch. Report the branch that got furthest (fewest issues,
// and none about a wrong `type` literal), so the message names the real mistake.
function flatten(issues, prefix) {
  const out = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path ?? [])];
    if (issue.code === "invalid_union" && Array.isArray(issue.errors) && issue.errors.length > 0) {
      const best = issue.errors
        .map((branch) => flatten(branch, path))
        .sort((a, b) => score(a) - score(b))[0];
      out.push(...best);
    } else {
      out.push({ path: path.map(String), code: issue.code, message: issue.message });
    }
  }
  return out;
}

function score(branchIssues) {
  const wrongType = branchIssues.some((i) => i.path.at(-1) === "type" && i.code === "invalid_value");
  return (wrongType ? 1000 : 0) + branchIssues.length;
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  if (line.trim() === "") return;
  let id = null;
  let answer;
  try {
    const request = JSON.parse(line);
    id = request.id ?? null;
    answer = validate(request.operation, request.body);
  } catch (error) {
    answer = { ok: false, errors: [{ path: [], code: "validator_error", message: String(error) }] };
  }
  process.stdout.write(JSON.stringify({ id, ...answer }) + "\n");
});
