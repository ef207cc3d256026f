using Postmortem.Core.Commands;
using Postmortem.Core.Facilitation;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Templates;

namespace Postmortem.Core.Application;

/// <summary>
/// The one pipeline every front end uses: load, validate against the template, apply, save (re-applying the
/// same command on a fresh copy when another writer saved first), then work out the next prompt.
/// </summary>
public sealed class PostmortemService(IPostmortemRepository repository, TimeProvider time, ITemplateCatalog? templates = null)
{
    /// <summary>How many times a command is applied before a persistent write race is given up on.</summary>
    public const int MaxAttempts = 5;

    private readonly ITemplateCatalog _templates = templates ?? BuiltInTemplates.Catalog;

    public ITemplateCatalog Templates => _templates;

    /// <summary>The template a postmortem follows (the default when its template is no longer configured).</summary>
    public PostmortemTemplate TemplateFor(Postmortem postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        return _templates.Find(postmortem.TemplateId) ?? _templates.Default;
    }

    /// <summary>Starts and stores a new draft following the default template.</summary>
    public async Task<CommandOutcome> StartAsync(
        string guildId,
        string channelId,
        string title,
        UserRef facilitator,
        string? severity = null,
        DateTimeOffset? incidentStart = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guildId);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentNullException.ThrowIfNull(facilitator);
        var error = InputRules.Title(title, out _) ?? InputRules.Severity(severity, out _);
        if (error is not null)
        {
            return new CommandOutcome(CommandResult.Rejected(error), null, null);
        }

        var template = _templates.Default;
        var draft = Postmortem.Start(guildId, channelId, title, facilitator, time.GetUtcNow(), template.Id, severity, incidentStart);
        var id = await repository.CreateAsync(draft, cancellationToken);
        draft.MarkPersisted(id, version: 1);
        return new CommandOutcome(CommandResult.Success(), draft, Facilitator.NextPrompt(draft, template));
    }

    public Task<Postmortem?> GetAsync(PostmortemId id, CancellationToken cancellationToken = default) =>
        repository.GetAsync(id, cancellationToken);

    /// <summary>Applies one command on behalf of <paramref name="actor"/> and saves the result.</summary>
    /// <exception cref="ConcurrencyException">Other writers kept winning for <see cref="MaxAttempts"/> attempts.</exception>
    public async Task<CommandOutcome> ExecuteAsync(
        PostmortemId id,
        PostmortemCommand command,
        UserRef actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(actor);
        for (var attempt = 1; ; attempt++)
        {
            var postmortem = await repository.GetAsync(id, cancellationToken);
            if (postmortem is null)
            {
                return new CommandOutcome(UserError.NotFound($"Postmortem {id} does not exist."), null, null);
            }

            var template = TemplateFor(postmortem);
            var expectedVersion = postmortem.Version;
            var result = CheckAgainstTemplate(command, template) is { } templateError
                ? CommandResult.Rejected(templateError)
                : postmortem.Apply(command, actor, time.GetUtcNow());
            if (!result.Changed)
            {
                return new CommandOutcome(result, postmortem, Facilitator.NextPrompt(postmortem, template));
            }

            try
            {
                await repository.SaveAsync(postmortem, expectedVersion, cancellationToken);
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                // Commands are intents, so applying the same one to the fresh copy is safe.
                continue;
            }

            postmortem.MarkPersisted(postmortem.Id, expectedVersion + 1);
            return new CommandOutcome(result, postmortem, Facilitator.NextPrompt(postmortem, template));
        }
    }

    // Section keys come from the template, which the aggregate does not know about.
    private static UserError? CheckAgainstTemplate(PostmortemCommand command, PostmortemTemplate template) => command switch
    {
        AnswerSection c when !template.IsAnswerable(c.SectionKey) => template.IsSkippable(c.SectionKey)
            ? UserError.Invalid($"Section \"{c.SectionKey}\" is not answered with text; use its own commands.")
            : UserError.NotFound($"Section \"{c.SectionKey}\" does not exist in template {template.Name}."),
        SkipSection c when !template.IsSkippable(c.SectionKey) =>
            UserError.NotFound($"Section \"{c.SectionKey}\" does not exist in template {template.Name}."),
        _ => null,
    };
}
