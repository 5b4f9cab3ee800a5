using System.Text;
using System.Xml;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// XML sample responses, element names as botocore's BaseXMLResponseParser reads them (botocore/parsers.py):
/// a member is <c>locationName ?? name</c> (a flattened list with a named member uses that name), lists wrap
/// <c>&lt;member&gt;</c> (or the member's locationName, <c>item</c> in EC2) unless flattened, maps wrap
/// <c>&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;</c>.
/// </summary>
internal static class SampleXml
{
    /// <summary>EC2 answers in this namespace (the model's xmlNamespace lacks the trailing slash real responses carry).</summary>
    public const string Ec2Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /// <summary>query: <c>&lt;OpResponse&gt;&lt;OpResult&gt;…&lt;/OpResult&gt;&lt;ResponseMetadata&gt;&lt;RequestId/&gt;…</c>.</summary>
    public static AwsResponse Query(ServiceModel model, OperationModel operation) => Document(model.XmlNamespace ?? "", operation.Name, writer =>
    {
        if (operation.Output is { } output)
        {
            if (operation.ResultWrapper is { } wrapper)
            {
                writer.WriteStartElement(wrapper);
                Members(writer, output, 0, new Stack<string>());
                writer.WriteEndElement();
            }
            else
            {
                Members(writer, output, 0, new Stack<string>());
            }
        }

        writer.WriteStartElement("ResponseMetadata");
        writer.WriteElementString("RequestId", SampleValues.RequestId);
        writer.WriteEndElement();
    });

    /// <summary>ec2: <c>&lt;OpResponse&gt;&lt;requestId/&gt;members…</c>, no Result wrapper.</summary>
    public static AwsResponse Ec2(ServiceModel model, OperationModel operation) => Document(Ec2Namespace, operation.Name, writer =>
    {
        writer.WriteElementString("requestId", SampleValues.RequestId);
        if (operation.Output is { } output)
        {
            Members(writer, output, 0, new Stack<string>());
        }
    });

    private static AwsResponse Document(string ns, string operation, Action<XmlWriter> content)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = false, Indent = false }))
        {
            writer.WriteStartElement($"{operation}Response", ns);
            content(writer);
            writer.WriteEndElement();
        }

        // XmlWriter over a StringBuilder declares utf-16; the services send utf-8.
        var xml = text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal);
        return new AwsResponse(200, SampleResponses.Headers(("Content-Type", "text/xml")), Encoding.UTF8.GetBytes(xml));
    }

    private static void Members(XmlWriter writer, Shape shape, int index, Stack<string> open)
    {
        open.Push(shape.Name);
        foreach (var member in shape.IsUnion ? shape.Members.Take(1) : shape.Members)
        {
            if (member.Shape.Location is not null || member.Shape.Flag("xmlAttribute") || !SampleResponses.Descend(member.Shape, open))
            {
                continue;
            }

            Member(writer, member.Shape, ElementName(member), member.Name, index, open);
        }

        open.Pop();
    }

    /// <summary>botocore BaseXMLResponseParser._member_key_name.</summary>
    private static string ElementName(ShapeMember member) =>
        member.Shape.Type == "list" && member.Shape.IsFlattened && member.Shape.ListMember.LocationName is { } itemName
            ? itemName
            : member.Shape.LocationName ?? member.Name;

    private static void Member(XmlWriter writer, Shape shape, string element, string memberName, int index, Stack<string> open)
    {
        switch (shape.Type)
        {
            case "list" when shape.IsFlattened:
                for (var i = 0; i < SampleValues.ListItems; i++)
                {
                    Member(writer, shape.ListMember, element, SampleResponses.Singular(memberName), i, open);
                }

                break;
            case "list":
                writer.WriteStartElement(element);
                for (var i = 0; i < SampleValues.ListItems; i++)
                {
                    Member(writer, shape.ListMember, shape.ListMember.LocationName ?? "member", SampleResponses.Singular(memberName), i, open);
                }

                writer.WriteEndElement();
                break;
            case "map":
                writer.WriteStartElement(element);
                if (!shape.IsFlattened)
                {
                    writer.WriteStartElement("entry");
                }

                Member(writer, shape.MapKey, shape.MapKey.LocationName ?? "key", memberName + "Key", index, open);
                Member(writer, shape.MapValue, shape.MapValue.LocationName ?? "value", memberName, index, open);
                if (!shape.IsFlattened)
                {
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                break;
            case "structure":
                writer.WriteStartElement(element);
                Members(writer, shape, index, open);
                writer.WriteEndElement();
                break;
            default:
                writer.WriteElementString(element, SampleValues.Text(shape, memberName, index));
                break;
        }
    }
}
