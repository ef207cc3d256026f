namespace Postmortem.Core.Templates;

/// <summary>The templates a deployment offers. The host loads them (reading files is I/O); the core only parses.</summary>
public interface ITemplateCatalog
{
    /// <summary>The template new postmortems follow.</summary>
    PostmortemTemplate Default { get; }

    PostmortemTemplate? Find(string templateId);
}

/// <summary>A catalog over already-parsed templates; the first one is the default.</summary>
public sealed class TemplateCatalog : ITemplateCatalog
{
    private readonly Dictionary<string, PostmortemTemplate> _byId;

    public TemplateCatalog(IEnumerable<PostmortemTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var list = templates.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A catalog needs at least one template.", nameof(templates));
        }

        Default = list[0];
        _byId = list.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public TemplateCatalog(params PostmortemTemplate[] templates)
        : this((IEnumerable<PostmortemTemplate>)templates)
    {
    }

    public PostmortemTemplate Default { get; }

    public PostmortemTemplate? Find(string templateId) => _byId.GetValueOrDefault(templateId);
}
