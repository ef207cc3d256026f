using Postmortem.Core.Application;
using Postmortem.Core.Commands;
using Postmortem.Core.Facilitation;
using Postmortem.Core.FiveWhys;
using Postmortem.Core.Postmortems;
using Postmortem.Core.Sections;
using Postmortem.Core.Tests.Fakes;
using Postmortem.Testing;
using static Postmortem.Core.Tests.TestData;

namespace Postmortem.Core.Tests.Application;

public sealed class PostmortemServiceTests
{
    private readonly InMemoryPostmortemRepository _repository = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly PostmortemService _service;

    public PostmortemServiceTests() => _service = new PostmortemService(_repository, _clock);

    private async Task<PostmortemId> StartAsync()
    {
        var outcome = await _service.StartAsync("guild-1", "channel-1", "1.52.0 ICEs", Felix);
        Assert.True(outcome.Succeeded);
        return outcome.Postmortem!.Id;
    }

    [Fact]
    public async Task Start_StoresDraftAndAsksForTheSummaryFirst()
    {
        var outcome = await _service.StartAsync("guild-1", "channel-1", "  1.52.0 ICEs ", Felix, "high");

        var stored = await _repository.GetAsync(outcome.Postmortem!.Id);
        Assert.NotNull(stored);
        Assert.Equal("1.52.0 ICEs", stored.Title);
        Assert.Equal(1, stored.Version);
        Assert.Equal(PostmortemStatus.Draft, stored.Status);
        Assert.Equal(Now, stored.CreatedAt);
        Assert.Equal([Felix], stored.Participants);
        Assert.Equal(PromptKind.Answer, outcome.Next!.Kind);
        Assert.Equal("summary", outcome.Next.SectionKey);
    }

    [Fact]
    public async Task Start_WithEmptyTitle_IsRejectedAndStoresNothing()
    {
        var outcome = await _service.StartAsync("guild-1", "channel-1", "   ", Felix);

        Assert.Equal(CommandStatus.Rejected, outcome.Result.Status);
        Assert.Null(outcome.Postmortem);
        Assert.Empty(await _repository.ListAsync("guild-1"));
    }

    [Fact]
    public async Task Execute_SavesAndBumpsVersionAndParticipants()
    {
        var id = await StartAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));

        var outcome = await _service.ExecuteAsync(id, new AnswerSection("summary", "Incremental compilation produced ICEs."), Wesley);

        Assert.True(outcome.Succeeded);
        var stored = (await _repository.GetAsync(id))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(outcome.Postmortem!.Version, stored.Version);
        Assert.Equal(Now.AddMinutes(5), stored.UpdatedAt);
        Assert.Equal([Felix, Wesley], stored.Participants);
        Assert.Equal("Incremental compilation produced ICEs.", stored.CurrentText("summary"));
        Assert.Equal("metrics", outcome.Next!.SectionKey);
    }

    [Fact]
    public async Task Execute_WhenAnotherWriterSavedFirst_ReloadsAndReappliesTheCommand()
    {
        var id = await StartAsync();
        var whyId = (await _service.ExecuteAsync(id, new AskWhy(null, "Why did beta fail as a canary?"), Felix)).Result.CreatedId!.Value;
        var raced = false;
        _repository.BeforeSave = _ =>
        {
            if (!raced)
            {
                raced = true;
                _repository.WriteBehindTheServicesBack(id, p => p.Do(new AskWhy(null, "Why was the fingerprint check off?"), Ana));
            }

            return Task.CompletedTask;
        };

        var outcome = await _service.ExecuteAsync(id, new AnswerWhy(whyId, "CI services do not use beta."), Wesley);

        Assert.True(outcome.Succeeded);
        Assert.Equal(1, _repository.ConflictCount);
        var stored = (await _repository.GetAsync(id))!;
        Assert.Equal(["1", "2"], stored.Whys.Select(w => w.Path));
        Assert.Equal("1a", Assert.Single(stored.WhyAnswers).Label);
        Assert.Equal(4, stored.Version);
    }

    [Fact]
    public async Task Execute_WhenWritersKeepWinning_GivesUpAfterMaxAttempts()
    {
        var id = await StartAsync();
        _repository.BeforeSave = pmId =>
        {
            _repository.WriteBehindTheServicesBack(pmId, p => p.Do(new SetSeverity("low")));
            return Task.CompletedTask;
        };

        await Assert.ThrowsAsync<ConcurrencyException>(
            () => _service.ExecuteAsync(id, new AnswerSection("summary", "text"), Felix));
        Assert.Equal(PostmortemService.MaxAttempts, _repository.SaveCalls);
    }

    [Fact]
    public async Task Execute_ConcurrentEditsOfTheSameAnswer_KeepBothTexts()
    {
        var id = await StartAsync();
        await _service.ExecuteAsync(id, new AnswerSection("summary", "First draft."), Felix);

        var wesley = await _service.ExecuteAsync(id, new AnswerSection("summary", "Wesley's rewrite.", BaseRevision: 1), Wesley);
        var ana = await _service.ExecuteAsync(id, new AnswerSection("summary", "Ana's rewrite.", BaseRevision: 1), Ana);

        Assert.True(wesley.Succeeded);
        Assert.Equal(CommandStatus.Conflict, ana.Result.Status);
        var conflict = ana.Result.Conflict!;
        Assert.Equal("Wesley's rewrite.", conflict.CurrentText);
        Assert.Equal(Wesley, conflict.CurrentAuthor);
        Assert.Equal(2, conflict.CurrentRevision);
        var stored = (await _repository.GetAsync(id))!;
        Assert.Equal("Wesley's rewrite.", stored.CurrentText("summary"));
        var kept = Assert.Single(stored.UnmergedEdits);
        Assert.Equal(("Ana's rewrite.", Ana, "section:summary"), (kept.Text, kept.Author, kept.Target));
        Assert.Contains(Ana, stored.Participants);

        var merged = await _service.ExecuteAsync(id, new AnswerSection("summary", "Merged text.", BaseRevision: 2), Ana);

        Assert.True(merged.Succeeded);
        Assert.Empty(merged.Postmortem!.UnmergedEdits);
        Assert.Equal([1, 2, 3], merged.Postmortem.FindSection("summary")!.Revisions.Select(r => r.Number));
    }

    [Fact]
    public async Task Execute_UnknownPostmortem_IsNotFound()
    {
        var outcome = await _service.ExecuteAsync(new PostmortemId(99), new SetTitle("x"), Felix);

        Assert.Equal(ErrorCodes.NotFound, outcome.Result.Error!.Code);
        Assert.Null(outcome.Postmortem);
    }

    [Theory]
    [InlineData("no-such-section", ErrorCodes.NotFound)]
    [InlineData("five-whys", ErrorCodes.Invalid)]
    [InlineData("incident-response", ErrorCodes.Invalid)]
    public async Task AnswerSection_WithKeyTheTemplateDoesNotAnswerWithText_IsRejectedWithoutSaving(string key, string code)
    {
        var id = await StartAsync();

        var outcome = await _service.ExecuteAsync(id, new AnswerSection(key, "text"), Felix);

        Assert.Equal(code, outcome.Result.Error!.Code);
        Assert.Equal(0, _repository.SaveCalls);
    }

    [Fact]
    public async Task AnswerSection_ForAQuestionKey_IsAccepted()
    {
        var id = await StartAsync();

        var outcome = await _service.ExecuteAsync(id, new AnswerSection("incident-response.detection", "A user filed an issue."), Felix);

        Assert.True(outcome.Succeeded);
    }
}
