using FargateApi.Properties;

namespace FargateApi.Cli.Templates;

internal enum InputKind
{
    Template,
    Event,
    Properties,
}

/// <summary>One <c>Custom::FargateApi</c> resource of a file: its logical id (or what stands for it) and its properties.</summary>
internal sealed record ResourceInput(string Name, TemplateValue Properties);

/// <summary>A resource whose Type is a near miss of <c>Custom::FargateApi</c> (<c>Custom::FargateAPI</c>): reported, not skipped.</summary>
internal sealed record MistypedResource(string Name, string Type);

/// <summary>
/// A file the CLI reads: a CloudFormation template (YAML or JSON, recognised by its <c>Resources</c>), a custom-resource
/// event (recognised by its <c>ResourceProperties</c>), or a bare properties object.
/// </summary>
internal sealed record InputFile(string Path, InputKind Kind, IReadOnlyList<ResourceInput> Resources)
{
    public const string ResourceType = "Custom::FargateApi";

    /// <summary>What stands for the resource name of a bare properties file.</summary>
    public const string PropertiesName = "(properties)";

    /// <summary>Extensions a directory is searched for.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".json", ".yaml", ".yml", ".template"];

    /// <summary>Template resources typed as a near miss of <see cref="ResourceType"/>.</summary>
    public IReadOnlyList<MistypedResource> Mistyped { get; init; } = [];

    /// <summary>The parameters whose defaults stood for their Refs (only when asked for), name and value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ParametersAtDefault { get; init; } = [];

    /// <summary>Reads one input; JSON by its name or, without a telling extension, by a leading '{'.</summary>
    /// <param name="useParameterDefaults">Whether <c>Ref</c>s to template parameters take their defaults (plan, simulate, event).</param>
    /// <exception cref="TemplateFormatException">Not YAML or JSON, or a shape that is none of the three.</exception>
    public static InputFile Read(InputText input, bool useParameterDefaults = false)
    {
        var isJson = input.NamedJson ?? input.Text.TrimStart().StartsWith('{');
        var parameters = useParameterDefaults ? new ParameterDefaults() : null;
        var root = isJson ? JsonTemplateParser.Parse(input.Text, parameters) : YamlTemplateParser.Parse(new StringReader(input.Text), parameters);
        if (isJson && root is TemplateMap map && map.Get("Resources") is null && map.Get("ResourceProperties") is null && !LooksLikeProperties(map))
        {
            throw new TemplateFormatException("is JSON but neither a template, an event nor a properties object (most of its names are not properties of " + ResourceType + ")") { OfAnotherKind = true };
        }

        return FromValue(input.Name, root) with { ParametersAtDefault = parameters?.Used ?? [] };
    }

    /// <summary>
    /// A properties object, rather than some other JSON (package.json, a CodePipeline template configuration file): at
    /// least half of its names are properties, or near misses of one (a properties file full of typos is still one).
    /// An empty object counts: it is reported for its missing properties.
    /// </summary>
    private static bool LooksLikeProperties(TemplateMap map)
    {
        var names = PropertyCatalog.All.Select(p => p.Name).ToArray();
        var ours = map.Members.Count(m => names.Contains(m.Key, StringComparer.Ordinal) || DidYouMean.Suggest(m.Key, names) is not null || PropertyPaths.Find(m.Key) is not null);
        return ours * 2 >= map.Members.Count;
    }

    public static InputFile FromValue(string path, TemplateValue root)
    {
        if (root is not TemplateMap map)
        {
            throw new TemplateFormatException("is neither a template, an event nor a properties object (expected a map at the top)") { OfAnotherKind = true };
        }

        if (map.Get("Resources") is { } resources)
        {
            if (resources is not TemplateMap declared)
            {
                throw new TemplateFormatException("Resources is not a map of logical ids to resources");
            }

            var ours = declared.Members
                .Where(member => member.Value is TemplateMap resource && resource.Get("Type") is TemplateScalar { Text: ResourceType })
                .Select(member => new ResourceInput(member.Key, ((TemplateMap)member.Value).Get("Properties") ?? new TemplateMap([])))
                .ToList();
            var mistyped = declared.Members
                .Where(member => member.Value is TemplateMap resource && resource.Get("Type") is TemplateScalar { Text: var type } && IsNearMiss(type))
                .Select(member => new MistypedResource(member.Key, ((TemplateScalar)((TemplateMap)member.Value).Get("Type")!).Text))
                .ToList();
            return new InputFile(path, InputKind.Template, ours) { Mistyped = mistyped };
        }

        if (map.Get("ResourceProperties") is { } properties)
        {
            var name = map.Get("LogicalResourceId") is TemplateScalar { Kind: ScalarKind.String, Text.Length: > 0 } logicalId ? logicalId.Text : "(event)";
            return new InputFile(path, InputKind.Event, [new ResourceInput(name, properties)]);
        }

        return new InputFile(path, InputKind.Properties, [new ResourceInput(PropertiesName, root)]);
    }

    /// <summary>The one resource named, or the only one; null with the reason otherwise.</summary>
    public ResourceInput? Select(string? name, out string problem)
    {
        problem = string.Empty;
        if (name is not null && Kind == InputKind.Template)
        {
            var found = Resources.FirstOrDefault(r => r.Name == name);
            problem = found is null ? $"{Path}: no {ResourceType} resource '{name}'; it has: {Names()}" : string.Empty;
            return found;
        }

        if (Resources.Count == 1)
        {
            return Resources[0];
        }

        problem = Resources.Count == 0
            ? $"{Path}: no {ResourceType} resource"
            : $"{Path}: {Resources.Count} {ResourceType} resources ({Names()}); choose one with --resource";
        return null;
    }

    /// <summary>
    /// A type meant to be ours: the same letters in another case or with other separators (<c>Custom::FargateAPI</c>,
    /// <c>Custom::Fargate-Api</c>), or two edits away (<c>Custom::FargateApis</c>). CloudFormation passes the type as written
    /// and the provider answers FAILED to any type but its own, so such a resource must not be skipped silently.
    /// </summary>
    public static bool IsNearMiss(string type) =>
        type != ResourceType && (Letters(type) == Letters(ResourceType) || DidYouMean.Distance(type, ResourceType) <= 2);

    private static string Letters(string text) => string.Concat(text.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    private string Names() => Resources.Count == 0 ? "none" : string.Join(", ", Resources.Select(r => r.Name));
}
