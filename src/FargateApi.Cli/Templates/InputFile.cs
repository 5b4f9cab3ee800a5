namespace FargateApi.Cli.Templates;

internal enum InputKind
{
    Template,
    Event,
    Properties,
}

/// <summary>One <c>Custom::FargateApi</c> resource of a file: its logical id (or what stands for it) and its properties.</summary>
internal sealed record ResourceInput(string Name, TemplateValue Properties);

/// <summary>
/// A file the CLI reads: a CloudFormation template (YAML or JSON, recognised by its <c>Resources</c>), a custom-resource
/// event (recognised by its <c>ResourceProperties</c>), or a bare properties object.
/// </summary>
internal sealed record InputFile(string Path, InputKind Kind, IReadOnlyList<ResourceInput> Resources)
{
    public const string ResourceType = "Custom::FargateApi";

    /// <summary>What stands for the resource name of a bare properties file.</summary>
    public const string PropertiesName = "(properties)";

    private static readonly string[] YamlExtensions = [".yaml", ".yml"];

    /// <summary>Extensions a directory is searched for.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".json", .. YamlExtensions, ".template"];

    /// <exception cref="TemplateFormatException">Not YAML or JSON, or a shape that is none of the three.</exception>
    /// <exception cref="IOException">Not readable.</exception>
    public static async Task<InputFile> ReadAsync(string path)
    {
        var text = await File.ReadAllTextAsync(path).ConfigureAwait(false);
        var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || (!YamlExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && text.TrimStart().StartsWith('{'));
        var root = isJson ? JsonTemplateParser.Parse(text) : YamlTemplateParser.Parse(new StringReader(text));
        return FromValue(path, root);
    }

    public static InputFile FromValue(string path, TemplateValue root)
    {
        if (root is not TemplateMap map)
        {
            throw new TemplateFormatException("is neither a template, an event nor a properties object (expected a map at the top)");
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
            return new InputFile(path, InputKind.Template, ours);
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

    private string Names() => Resources.Count == 0 ? "none" : string.Join(", ", Resources.Select(r => r.Name));
}
