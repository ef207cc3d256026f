using System.Reflection;

namespace Postmortem.Core.Templates;

/// <summary>
/// The default template (config/templates/rust-compiler-2021.json) compiled into the assembly, so the engine
/// works without configuration and tests use the very file that ships. Reading a manifest resource is not I/O.
/// </summary>
public static class BuiltInTemplates
{
    public const string RustCompiler2021Id = "rust-compiler-2021";

    private static readonly Lazy<PostmortemTemplate> _rustCompiler2021 = new(() =>
    {
        const string name = "rust-compiler-2021.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The built-in template {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return TemplateParser.Parse(reader.ReadToEnd(), name);
    });

    private static readonly Lazy<TemplateCatalog> _catalog = new(() => new TemplateCatalog(RustCompiler2021));

    public static PostmortemTemplate RustCompiler2021 => _rustCompiler2021.Value;

    public static ITemplateCatalog Catalog => _catalog.Value;
}
