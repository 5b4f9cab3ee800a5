using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FargateApi.Cli.Templates;
using FargateApi.Cli.Validation;
using FargateApi.Properties;

namespace FargateApi.Cli.Commands;

/// <summary>
/// <c>fargate-api event</c>: the CloudFormation custom-resource request
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html) for a resource's properties,
/// ready for <c>fargate-api invoke</c>, so nobody writes events by hand. Values are written as CloudFormation sends them:
/// every number and boolean as a string (aws-cloudformation/cloudformation-coverage-roadmap#1037).
/// </summary>
internal static class EventCommand
{
    public const string Usage = """
        usage: fargate-api event create|update|delete FILE [--old OLD] [--physical-id ID] [--resource LOGICAL_ID]
                                 [--logical-id ID] [--stack-id ARN]

          create|update|delete  the RequestType
          FILE                  the resource's properties: a properties file, an event or a template ('-': stdin)
          --old OLD             update: the properties before it, sent as OldResourceProperties (required for update)
          --physical-id ID      update, delete: the PhysicalResourceId the Create answered; invoke prints it (required)
          --resource ID         the Custom::FargateApi resource of a template (needed when it has more than one)
          --logical-id ID       the LogicalResourceId; default: the template's logical id, the event's, or Service
          --stack-id ARN        the StackId; default: a placeholder stack in AWS_REGION. Keep it the same for the Create,
                                Update and Delete of one resource: the provider tags what it makes with it

        Writes the event to stdout, numbers and booleans as strings as CloudFormation sends them, with a new RequestId
        and a ResponseURL that `invoke` replaces by its local listener. A template's !Ref to a parameter takes the
        parameter's default; a value only CloudFormation knows (!GetAtt, !ImportValue…) cannot be written, except the
        ServiceToken, which gets a placeholder. Invalid properties are written as given (invoke then answers FAILED)
        and listed on stderr.
        Exit code: 0 written, 1 a value only CloudFormation knows, 2 usage error or unreadable file.
        """;

    private const string DefaultLogicalId = "Service";

    private const string PlaceholderAccount = "123456789012";

    /// <summary>A host under .invalid never resolves (RFC 2606), so the placeholder can never receive a response.</summary>
    private const string PlaceholderResponseUrl = "https://cloudformation-custom-resource-response.invalid/written-by-fargate-api-event";

    private static readonly string[] RequestTypes = ["create", "update", "delete"];

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors, InputReader reader, Func<string, string?> environment)
    {
        if (arguments.Any(a => a is "-h" or "--help"))
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var options = CommandLine.Parse(arguments, ["--old", "--physical-id", "--resource", "--logical-id", "--stack-id"], []);
        var requestType = options.Positional.Count > 0 ? options.Positional[0].ToLowerInvariant() : null;
        var problem = options.Problem
            ?? (requestType is null ? "create, update or delete is required" : null)
            ?? (!RequestTypes.Contains(requestType) ? $"'{options.Positional[0]}' is none of create, update, delete" : null)
            ?? (options.Positional.Count < 2 ? "a properties file or template is required" : null)
            ?? (options.Positional.Count > 2 ? $"unexpected '{options.Positional[2]}'" : null)
            ?? (requestType != "create" && options.Value("--physical-id") is null ? $"{requestType} needs --physical-id: the PhysicalResourceId the Create answered (invoke prints it)" : null)
            ?? (requestType == "update" && options.Value("--old") is null ? "update needs --old OLD: the properties before the update (CloudFormation always sends them)" : null)
            ?? (requestType != "update" && options.Value("--old") is not null ? "--old is for update only" : null);
        if (problem is not null)
        {
            await errors.WriteLineAsync($"fargate-api event: {problem}{Environment.NewLine}{Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var region = environment("AWS_REGION") ?? environment("AWS_DEFAULT_REGION") ?? "us-east-1";
        var current = await ReadAsync(options.Positional[1], options.Value("--resource"), reader, errors).ConfigureAwait(false);
        var old = options.Value("--old") is { } oldFile ? await ReadAsync(oldFile, options.Value("--resource"), reader, errors).ConfigureAwait(false) : null;
        if (current.Exit != ExitCodes.Ok || (old is not null && old.Exit != ExitCodes.Ok))
        {
            return Math.Max(current.Exit, old?.Exit ?? ExitCodes.Ok);
        }

        var serviceToken = $"arn:aws:lambda:{region}:{PlaceholderAccount}:function:fargate-api-provider";
        var logicalId = options.Value("--logical-id") ?? current.LogicalId ?? DefaultLogicalId;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("RequestType", char.ToUpperInvariant(requestType![0]) + requestType[1..]);
            json.WriteString("ServiceToken", current.ServiceToken ?? serviceToken);
            json.WriteString("ResponseURL", PlaceholderResponseUrl);
            json.WriteString("StackId", options.Value("--stack-id") ?? $"arn:aws:cloudformation:{region}:{PlaceholderAccount}:stack/fargate-api-event/00000000-0000-4000-8000-000000000000");
            json.WriteString("RequestId", Guid.NewGuid().ToString());
            json.WriteString("LogicalResourceId", logicalId);
            if (options.Value("--physical-id") is { } physicalId)
            {
                json.WriteString("PhysicalResourceId", physicalId);
            }

            json.WriteString("ResourceType", InputFile.ResourceType);
            json.WritePropertyName("ResourceProperties");
            WriteProperties(json, current, serviceToken);
            if (old is not null)
            {
                json.WritePropertyName("OldResourceProperties");
                WriteProperties(json, old, serviceToken);
            }

            json.WriteEndObject();
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>One side's properties as given, and what the event needs to know of them.</summary>
    private sealed record Side(int Exit, TemplateMap? Properties, string? LogicalId, string? ServiceToken);

    private static async Task<Side> ReadAsync(string file, string? resource, InputReader reader, TextWriter errors)
    {
        InputFile input;
        try
        {
            input = InputFile.Read(await reader.ReadAsync(file).ConfigureAwait(false), useParameterDefaults: true);
        }
        catch (Exception e) when (e is TemplateFormatException or InputException)
        {
            await errors.WriteLineAsync($"{InputReader.Display(file)}: {e.Message}").ConfigureAwait(false);
            return new Side(ExitCodes.Usage, null, null, null);
        }

        if (input.Select(resource, out var problem) is not { } chosen)
        {
            await errors.WriteLineAsync(problem).ConfigureAwait(false);
            return new Side(ExitCodes.Usage, null, null, null);
        }

        if (chosen.Properties is not TemplateMap properties)
        {
            await errors.WriteLineAsync($"{InputReader.Display(file)}: {chosen.Name}: the properties are not an object of literal values").ConfigureAwait(false);
            return new Side(ExitCodes.Invalid, null, null, null);
        }

        var report = ResourceCheck.Run(InputReader.Display(file), chosen);
        var unknown = report.Unknowns.Where(u => u.Path != PropertyCatalog.ServiceToken.Name).ToList();
        if (unknown.Count > 0)
        {
            await errors.WriteLineAsync($"{InputReader.Display(file)}: {chosen.Name}: set by intrinsic functions only CloudFormation resolves, so no event can hold them: {string.Join(", ", unknown)}; give literal values (a properties file) instead").ConfigureAwait(false);
            return new Side(ExitCodes.Invalid, null, null, null);
        }

        foreach (var invalid in report.Problems)
        {
            await errors.WriteLineAsync($"{InputReader.Display(file)}: {chosen.Name}: {invalid.Property}: {invalid.Message} (written as given: invoke will answer FAILED)").ConfigureAwait(false);
        }

        var logicalId = input.Kind == InputKind.Properties ? null : chosen.Name;
        var token = properties.Get(PropertyCatalog.ServiceToken.Name) is TemplateScalar { Kind: ScalarKind.String } literal ? literal.Text : null;
        return new Side(ExitCodes.Ok, properties, logicalId, token);
    }

    /// <summary>The properties as CloudFormation sends them: with the ServiceToken, every scalar a string.</summary>
    private static void WriteProperties(Utf8JsonWriter json, Side side, string serviceToken)
    {
        var properties = side.Properties!;
        json.WriteStartObject();
        if (properties.Get(PropertyCatalog.ServiceToken.Name) is null or TemplateIntrinsic)
        {
            json.WriteString(PropertyCatalog.ServiceToken.Name, side.ServiceToken ?? serviceToken);
        }

        foreach (var (name, value) in properties.Members)
        {
            if (value is TemplateIntrinsic)
            {
                continue; // Only the ServiceToken can be one here; written above.
            }

            json.WritePropertyName(name);
            WriteValue(json, value);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, TemplateValue value)
    {
        switch (value)
        {
            case TemplateScalar { Kind: ScalarKind.Null }:
                json.WriteNullValue();
                break;
            case TemplateScalar scalar:
                json.WriteStringValue(scalar.Text);
                break;
            case TemplateList list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            case TemplateMap map:
                json.WriteStartObject();
                foreach (var (name, member) in map.Members)
                {
                    json.WritePropertyName(name);
                    WriteValue(json, member);
                }

                json.WriteEndObject();
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }
}
