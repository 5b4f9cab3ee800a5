using System.Globalization;
using System.Text.Json;

namespace FargateApi.Properties;

/// <summary>
/// One object of the properties (the root or a nested one such as AutoScaling) while it is read: reports a wrong JSON
/// kind, unknown members (with a "did you mean") and repeated members, then hands out its members by definition.
/// </summary>
internal sealed class ObjectSection
{
    /// <summary>Beyond this many unknown members in one object, one summary problem stands for the rest.</summary>
    private const int MaxUnknownReported = 10;

    private readonly JsonElement? element;

    /// <summary>A member name of this object is not valid text: <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> would throw.</summary>
    private bool hasUnreadableName;

    private ObjectSection(string path, JsonElement? element, ProblemCollector problems)
    {
        Path = path;
        this.element = element;
        Problems = problems;
    }

    /// <summary>The dotted path of this object; empty for the root.</summary>
    public string Path { get; }

    public ProblemCollector Problems { get; }

    /// <summary>False when the object was not given (or was not an object): every member then takes its default.</summary>
    public bool IsPresent => element is not null;

    public static ObjectSection Open(JsonElement? value, PropertyDefinition definition, string path, ProblemCollector problems)
    {
        if (value is not { } given || given.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new ObjectSection(path, null, problems);
        }

        if (given.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path.Length == 0 ? "ResourceProperties" : path, "expected an object, got " + ValueText.Kind(given));
            return new ObjectSection(path, null, problems);
        }

        var section = new ObjectSection(path, given, problems);
        section.CheckMemberNames(definition);
        return section;
    }

    public ObjectSection Child(PropertyDefinition objectMember) => Open(Get(objectMember), objectMember, PathOf(objectMember), Problems);

    public string PathOf(PropertyDefinition member) => Path.Length == 0 ? member.Name : Path + "." + member.Name;

    /// <summary>The member's value; null when absent or JSON null (CloudFormation drops AWS::NoValue members).</summary>
    public JsonElement? Get(PropertyDefinition member)
    {
        if (element is not { } value)
        {
            return null;
        }

        var found = hasUnreadableName ? FindAmongReadableNames(value, member.Name) : value.TryGetProperty(member.Name, out var match) ? match : null;
        return found is { ValueKind: not JsonValueKind.Null } ? found : null;
    }

    /// <summary>
    /// TryGetProperty unescapes the names it passes and throws on one that is not valid text; with such a name in the
    /// object (already reported), the members are compared one by one instead. The last of repeated names wins, as there.
    /// </summary>
    private static JsonElement? FindAmongReadableNames(JsonElement value, string name)
    {
        JsonElement? found = null;
        foreach (var member in value.EnumerateObject())
        {
            if (JsonText.TryGetName(member, out var memberName) && memberName == name)
            {
                found = member.Value;
            }
        }

        return found;
    }

    private void CheckMemberNames(PropertyDefinition definition)
    {
        var known = definition.Members.Select(m => m.Name).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unknown = 0;
        foreach (var member in element!.Value.EnumerateObject())
        {
            if (!JsonText.TryGetName(member, out var name))
            {
                hasUnreadableName = true;
                Problems.Add(Path.Length == 0 ? "ResourceProperties" : Path, "a property name " + JsonText.NotValidText);
                continue;
            }

            var path = Path.Length == 0 ? ValueText.Segment(name) : Path + "." + ValueText.Segment(name);
            if (Array.IndexOf(known, name) >= 0)
            {
                if (!seen.Add(name))
                {
                    Problems.Add(path, "given more than once; give it once");
                }

                continue;
            }

            unknown++;
            if (unknown <= MaxUnknownReported)
            {
                Problems.Add(path, UnknownMessage(name, known));
            }
        }

        if (unknown > MaxUnknownReported)
        {
            Problems.Add(Path.Length == 0 ? "ResourceProperties" : Path, string.Create(CultureInfo.InvariantCulture, $"{unknown - MaxUnknownReported} more unknown properties"));
        }
    }

    private string UnknownMessage(string name, string[] known)
    {
        var suggestion = DidYouMean.Suggest(name, known);
        if (suggestion is not null)
        {
            return "unknown property; did you mean " + (Path.Length == 0 ? suggestion : Path + "." + suggestion) + "?";
        }

        // A member written at the wrong level ("MaxCapacity" at the top) is found anywhere in the catalog.
        var elsewhere = PropertyPaths.Find(name);
        if (elsewhere is not null)
        {
            return "unknown property here; did you mean " + elsewhere + "?";
        }

        return Path.Length == 0 ? "unknown property" : "unknown property; allowed: " + string.Join(", ", known);
    }
}
