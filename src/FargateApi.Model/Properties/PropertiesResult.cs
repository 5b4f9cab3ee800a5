using System.Globalization;
using System.Text;

namespace FargateApi.Properties;

/// <summary>One thing wrong with the properties.</summary>
/// <param name="Property">A path: <c>Memory</c>, <c>AutoScaling.MaxCapacity</c>, <c>Secrets.DB_PASSWORD</c>, <c>PathPatterns[2]</c>.</param>
/// <param name="Message">What was given and what is allowed, one sentence.</param>
public sealed record PropertyProblem(string Property, string Message);

/// <summary>The outcome of reading the properties: the defaulted record, or every problem found.</summary>
public sealed record PropertiesResult(ServiceProperties? Properties, IReadOnlyList<PropertyProblem> Problems)
{
    public bool IsValid => Problems.Count == 0 && Properties is not null;

    /// <summary>
    /// One message listing every problem, most useful words first, one sentence a problem, so that a Reason cut to
    /// CloudFormation's 4096-byte response still starts with the count and the first problems.
    /// </summary>
    public string Describe()
    {
        if (IsValid)
        {
            return "Properties are valid.";
        }

        if (Problems.Count == 0)
        {
            return "Properties could not be read.";
        }

        var text = new StringBuilder();
        text.Append(Problems.Count.ToString(CultureInfo.InvariantCulture))
            .Append(Problems.Count == 1 ? " invalid property: " : " invalid properties: ");
        for (var i = 0; i < Problems.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            var message = Problems[i].Message;
            text.Append(Problems[i].Property).Append(": ").Append(message);
            if (!message.EndsWith('.') && !message.EndsWith('?'))
            {
                text.Append('.');
            }
        }

        return text.ToString();
    }
}
