using System.Globalization;
using System.Text;

namespace FargateApi.Aws.Protocols;

/// <summary>How a protocol spells the N-th (1-based) entry of a list parameter.</summary>
internal enum QueryListStyle
{
    /// <summary>awsQuery (ELBv2, IAM, STS): <c>Tags.member.1.Key</c>. See https://smithy.io/2.0/aws/protocols/aws-query-protocol.html.</summary>
    Member,

    /// <summary>ec2Query: always flat, <c>GroupId.1</c>, <c>TagSpecification.1.Tag.1.Key</c>. See https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html.</summary>
    Flat,
}

/// <summary>
/// The form-encoded body of one awsQuery/ec2Query call: <c>Action</c>, <c>Version</c>, then the input members in the order
/// they were added. Null values are left out, as an SDK leaves out unset members. Names are the wire names already
/// (the client applies the model's locationName/queryName rules); this class only knows how lists are numbered.
/// </summary>
internal sealed class QueryParameters
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public QueryParameters(string action, string apiVersion, QueryListStyle listStyle)
    {
        Action = action;
        ListStyle = listStyle;
        _pairs.Add(new("Action", action));
        _pairs.Add(new("Version", apiVersion));
    }

    public string Action { get; }

    public QueryListStyle ListStyle { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>The wire name of the N-th (1-based) entry of list <paramref name="name"/>.</summary>
    public string Entry(string name, int index) => ListStyle == QueryListStyle.Member
        ? string.Create(CultureInfo.InvariantCulture, $"{name}.member.{index}")
        : string.Create(CultureInfo.InvariantCulture, $"{name}.{index}");

    public QueryParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            _pairs.Add(new(name, value));
        }

        return this;
    }

    public QueryParameters Add(string name, int? value)
        => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Booleans are the lowercase literals <c>true</c>/<c>false</c>.</summary>
    public QueryParameters Add(string name, bool? value)
        => Add(name, value switch { null => null, true => "true", false => "false" });

    /// <summary>A list of strings; a null list is left out, an empty one too (the query protocols cannot say "empty").</summary>
    public QueryParameters AddList(string name, IEnumerable<string>? values)
        => AddEach(name, values, (p, key, value) => p.Add(key, value));

    /// <summary>A list of structures: <paramref name="write"/> adds the members of one entry under its entry prefix.</summary>
    public QueryParameters AddEach<T>(string name, IEnumerable<T>? items, Action<QueryParameters, string, T> write)
    {
        if (items is null)
        {
            return this;
        }

        var index = 0;
        foreach (var item in items)
        {
            write(this, Entry(name, ++index), item);
        }

        return this;
    }

    /// <summary>
    /// Lists of <c>Key</c>/<c>Value</c> structures: tags in every query model we call (EC2's lowerCamel locationNames
    /// <c>key</c>/<c>value</c> capitalize to the same names) and ELBv2 target group attributes.
    /// </summary>
    public QueryParameters AddKeyValues(string name, IEnumerable<KeyValuePair<string, string>>? pairs)
        => AddEach(name, pairs, (p, prefix, pair) => p.Add(prefix + ".Key", pair.Key).Add(prefix + ".Value", pair.Value));

    /// <summary><c>application/x-www-form-urlencoded</c>, each name and value percent-encoded per RFC 3986.</summary>
    public byte[] ToBody()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
