namespace Postmortem.Core.Commands;

/// <summary>
/// An intent to change one postmortem. Commands are plain values, so the service can safely re-apply the same
/// command after reloading when another writer saved first.
/// </summary>
public abstract record PostmortemCommand;
