using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace FargateApi.Aws.Protocols;

/// <summary>
/// Reading the XML answers of the query protocols. Lookups go by local name, so the service's namespace
/// (<c>http://ec2.amazonaws.com/doc/2016-11-15/</c>, IAM's, ELBv2's…) never has to be spelled out, and a missing optional
/// member reads as null. Lists are the children of their wrapper element (<c>member</c> in awsQuery, <c>item</c> in ec2Query).
/// </summary>
internal static class AwsXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static XElement Parse(string operation, byte[] body)
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            return XDocument.Load(reader).Root ?? throw new InvalidDataException($"{operation} answered an XML document without a root element.");
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"{operation} answered malformed XML: {ex.Message}", ex);
        }
    }

    public static XElement? Child(this XElement element, string localName)
    {
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == localName)
            {
                return child;
            }
        }

        return null;
    }

    public static string? Text(this XElement element, string localName) => element.Child(localName)?.Value;

    public static string RequiredText(this XElement element, string localName)
        => element.Text(localName) ?? throw new InvalidDataException($"<{element.Name.LocalName}> has no <{localName}>.");

    public static int? Int(this XElement element, string localName)
        => element.Text(localName) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static bool? Bool(this XElement element, string localName)
        => element.Text(localName) is { } text ? bool.Parse(text.Trim()) : null;

    /// <summary>The query protocols send timestamps as ISO 8601 (<c>2026-01-01T00:00:00.123Z</c>); one without an offset is UTC.</summary>
    public static DateTimeOffset? Timestamp(this XElement element, string localName)
        => element.Text(localName) is { } text
            ? DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    /// <summary>The entries of list <paramref name="wrapper"/>; none when the wrapper is absent or empty.</summary>
    public static IEnumerable<XElement> List(this XElement element, string wrapper)
        => element.Child(wrapper)?.Elements() ?? [];

    public static IReadOnlyList<string> Strings(this XElement element, string wrapper)
        => [.. element.List(wrapper).Select(e => e.Value)];

    /// <summary>Tag lists: <c>Key</c>/<c>Value</c> in awsQuery, <c>key</c>/<c>value</c> in ec2Query.</summary>
    public static IReadOnlyDictionary<string, string> Tags(this XElement element, string wrapper)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in element.List(wrapper))
        {
            var key = entry.Text("Key") ?? entry.Text("key");
            if (key is not null)
            {
                tags[key] = entry.Text("Value") ?? entry.Text("value") ?? "";
            }
        }

        return tags;
    }
}
