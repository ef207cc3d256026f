namespace Postmortem.Discord.Gateway;

/// <summary>
/// Discord refused the connection for a reason only the operator can fix (bad token, missing
/// intent, bad shard settings). The message is the one line to show them.
/// </summary>
public sealed class GatewayFatalException : Exception
{
    public GatewayFatalException()
    {
    }

    public GatewayFatalException(string message) : base(message)
    {
    }

    public GatewayFatalException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public GatewayFatalException(int closeCode, string message) : base(message) => CloseCode = closeCode;

    /// <summary>The gateway close code, or null when the refusal came from elsewhere (e.g. REST 401).</summary>
    public int? CloseCode { get; }
}
