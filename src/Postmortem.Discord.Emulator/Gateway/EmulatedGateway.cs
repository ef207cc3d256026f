namespace Postmortem.Discord.Emulator;

/// <summary>
/// The gateway as a test sees it: what the bot did (identifies, resumes, heartbeats, frames, closes) and
/// faults to inject. Counters only grow, so "wait for the second identify" is <c>WaitForIdentifyAsync(2)</c>.
/// </summary>
public sealed class EmulatedGateway
{
    private readonly GatewayServer _server;
    private readonly EmulatorState _state;

    internal EmulatedGateway(GatewayServer server, EmulatorState state)
    {
        _server = server;
        _state = state;
    }

    /// <summary>The url GET /gateway/bot returns (connect with ?v=10&amp;encoding=json).</summary>
    public Uri Url => _server.Url;

    /// <summary>READY's resume_gateway_url; resuming anywhere else is recorded as a violation.</summary>
    public Uri ResumeUrl => _server.ResumeUrl;

    /// <summary>Successful identifies (READY sent).</summary>
    public int IdentifyCount => _server.IdentifyCount;

    /// <summary>Successful resumes (RESUMED sent).</summary>
    public int ResumeCount => _server.ResumeCount;

    public int HeartbeatCount => _server.HeartbeatCount;

    /// <summary>Websocket connections opened so far.</summary>
    public int ConnectionCount => _server.ConnectionCount;

    /// <summary>True while a bot connection is identified (or resumed) and open.</summary>
    public bool IsReady => _server.IsReady;

    /// <summary>Every payload the bot sent, tokens redacted.</summary>
    public IReadOnlyList<GatewayFrame> Received => _server.Received;

    /// <summary>How connections ended: who closed, with which code.</summary>
    public IReadOnlyList<GatewayClose> Closes => _server.Closes;

    /// <summary>Cuts every connection without a close frame; sessions stay resumable.</summary>
    /// <summary>The <c>compress</c> query value of each connection so far, in order ("" when none was asked for).</summary>
    public IReadOnlyList<string> Compressions => _server.Compressions;

    public void DropConnections() => _server.DropConnections();

    /// <summary>Sends op 7; a socket the bot leaves open is closed after <see cref="EmulatorOptions.ReconnectGrace"/>.</summary>
    public void SendReconnect() => _server.SendReconnect();

    /// <summary>Sends op 9; with <paramref name="resumable"/> false the session can no longer be resumed.</summary>
    public void SendInvalidSession(bool resumable) => _server.SendInvalidSession(resumable);

    /// <summary>Current connections stop getting op 11, so the bot should see a zombie connection.</summary>
    public void StopAcknowledgingHeartbeats() => _server.StopAcknowledgingHeartbeats();

    /// <summary>Closes every connection with a close code (e.g. 4000 resumable, 4004 fatal).</summary>
    public void CloseWith(int code, string reason = "Closed by the test") => _server.CloseWith(code, reason);

    public Task WaitForIdentifyAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitAsync(() => IdentifyCount >= count, timeout, () => $"identify #{count} (so far {IdentifyCount})");

    public Task WaitForResumeAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitAsync(() => ResumeCount >= count, timeout, () => $"resume #{count} (so far {ResumeCount})");

    public Task WaitForHeartbeatAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitAsync(() => HeartbeatCount >= count, timeout, () => $"heartbeat #{count} (so far {HeartbeatCount})");

    public Task WaitForConnectionAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitAsync(() => ConnectionCount >= count, timeout, () => $"connection #{count} (so far {ConnectionCount})");

    /// <summary>Waits until the <paramref name="count"/>-th connection close and returns it.</summary>
    public Task<GatewayClose> WaitForCloseAsync(int count = 1, TimeSpan? timeout = null) =>
        _state.Changes.WaitForAsync(
            () => Closes.Count >= count ? Closes[count - 1] : null,
            timeout ?? _state.Options.WaitTimeout,
            () => $"gateway close #{count} (so far {Closes.Count})");

    /// <summary>Waits until a bot connection is identified or resumed and open.</summary>
    public Task WaitForReadyAsync(TimeSpan? timeout = null) =>
        WaitAsync(() => IsReady, timeout, () => "a ready bot connection on the gateway");

    private Task WaitAsync(Func<bool> condition, TimeSpan? timeout, Func<string> what) =>
        _state.Changes.WaitUntilAsync(condition, timeout ?? _state.Options.WaitTimeout, what);
}
