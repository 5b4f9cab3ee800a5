using System.Text;
using System.Text.Json;
using FargateApi.Cli.Planning;
using FargateApi.Cli.Templates;
using FargateApi.Desired;
using FargateApi.Planning;

namespace FargateApi.Cli.Commands;

/// <summary>
/// <c>fargate-api plan</c>: what an Update from one version of the properties to another will do — each resource
/// changed in place (with its fields old → new), replaced (and why) or left alone — drawn by the core's
/// <see cref="DesiredStack"/>, <see cref="Plan.ForUpdate"/> and <see cref="PlanPrinter"/>, the same code the Lambda runs,
/// against a placeholder account and network.
/// </summary>
internal static class PlanCommand
{
    public const string Usage = """
        usage: fargate-api plan --old FILE --new FILE [--resource LOGICAL_ID] [--json]

          --old FILE        the properties before the update: a properties file, an event, or a template ('-': stdin)
          --new FILE        the properties after it (same kinds)
          --resource ID     the Custom::FargateApi resource of a template (needed when it has more than one)
          --json            one JSON document on stdout instead of text

        Prints whether the update happens in place (which resources change, field by field) or needs a replacement
        (a new generation of the stack beside the old one, and why). Offline: account, region and any network id the
        properties leave to SSM are placeholders. A template's !Ref to a parameter takes the parameter's default (the
        output lists them); any other intrinsic function is unknown offline and stands in as the same plausible value
        on both sides, so it never shows as a change.
        Exit code: 0 planned, 1 invalid properties or a plan that breaks a limit, 2 usage error or unreadable file.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors, InputReader reader)
    {
        if (arguments.Any(a => a is "-h" or "--help"))
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var options = CommandLine.Parse(arguments, ["--old", "--new", "--resource"], ["--json"]);
        if (options.Problem is null && (options.Value("--old") is null || options.Value("--new") is null || options.Positional.Count > 0))
        {
            options = options with { Problem = options.Positional.Count > 0 ? $"unexpected '{options.Positional[0]}'" : "--old and --new are required" };
        }

        if (options.Problem is not null)
        {
            await errors.WriteLineAsync($"fargate-api plan: {options.Problem}{Environment.NewLine}{Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var resource = options.Value("--resource");
        var oldFile = options.Value("--old")!;
        var newFile = options.Value("--new")!;
        var old = await ResourceLoader.LoadAsync(oldFile, resource, reader, errors, "planned").ConfigureAwait(false);

        // The same file on both sides is read (and its problems printed) once.
        var next = newFile == oldFile && newFile != InputReader.Stdin ? old : await ResourceLoader.LoadAsync(newFile, resource, reader, errors, "planned").ConfigureAwait(false);
        if (!old.Usable || !next.Usable)
        {
            return Math.Max(old.Exit, next.Exit);
        }

        var oldProperties = old.Report!.Properties!;
        var newProperties = next.Report!.Properties!;
        var logicalId = next.Report.Resource == InputFile.PropertiesName ? "Service" : next.Report.Resource;
        var owner = PlaceholderDeployment.Owner(logicalId);
        var current = DesiredStack.From(oldProperties, PlaceholderDeployment.Network(oldProperties.Network), PlaceholderDeployment.Environment, owner, generation: 0);
        var desired = DesiredStack.From(newProperties, PlaceholderDeployment.Network(newProperties.Network), PlaceholderDeployment.Environment, owner, generation: 0);
        var plan = Plan.ForUpdate(current, desired);
        var unknowns = old.Report.Unknowns.Concat(next.Report.Unknowns).Select(u => u.Path).Distinct(StringComparer.Ordinal).ToList();
        var parameters = Parameters(old.Input!.ParametersAtDefault, next.Input!.ParametersAtDefault);
        await output.WriteAsync(options.Flag("--json") ? ToJson(plan, unknowns, parameters) : ToText(plan, unknowns, parameters)).ConfigureAwait(false);
        return plan.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    /// <summary>"Cpu=512 → 256, Priority=1": each parameter once, with both values when the two sides' defaults differ.</summary>
    private static List<string> Parameters(IReadOnlyList<KeyValuePair<string, string>> old, IReadOnlyList<KeyValuePair<string, string>> next)
    {
        var names = old.Concat(next).Select(p => p.Key).Distinct(StringComparer.Ordinal);
        return [.. names.Select(name =>
        {
            var before = old.FirstOrDefault(p => p.Key == name).Value;
            var after = next.FirstOrDefault(p => p.Key == name).Value;
            return before is null || after is null || before == after ? $"{name}={before ?? after}" : $"{name}={before} → {after}";
        })];
    }

    /// <summary>The one line that says it all: the printer's headline for an in-place update, the reasons for a replacement.</summary>
    public static string Summary(Plan plan) => plan.Kind switch
    {
        PlanKind.Replace => $"replace: a new generation ({plan.Stack.Generation}) of the stack beside the old one, because {string.Join("; ", plan.Reasons)}",
        _ => PlanPrinter.Print(plan).Split('\n')[0].TrimEnd('\r'),
    };

    private static string ToText(Plan plan, List<string> unknowns, List<string> parameters)
    {
        var text = new StringBuilder();
        text.AppendLine(PlaceholderDeployment.Describe);
        if (parameters.Count > 0)
        {
            text.AppendLine($"template parameters at their defaults: {string.Join(", ", parameters)}");
        }

        if (unknowns.Count > 0)
        {
            text.AppendLine($"set by intrinsic functions, unknown offline (shown unchanged): {string.Join(", ", unknowns)}");
        }

        text.AppendLine();

        // The printer's headline is the summary for an in-place update: printed once, last.
        var summary = Summary(plan);
        var printed = PlanPrinter.Print(plan);
        var headline = printed.Split('\n')[0].TrimEnd('\r');
        var body = headline == summary ? printed[(printed.IndexOf('\n', StringComparison.Ordinal) + 1)..] : printed;
        if (body.Length > 0)
        {
            text.Append(body);
            text.AppendLine();
        }

        text.AppendLine(summary);
        return text.ToString();
    }

    private static string ToJson(Plan plan, List<string> unknowns, List<string> parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("kind", plan.Kind.ToString());
            json.WriteString("summary", Summary(plan));
            json.WriteString("placeholders", PlaceholderDeployment.Describe);
            json.WriteNumber("generation", plan.Stack.Generation);
            json.WriteString("physicalResourceId", plan.PhysicalResourceId);
            Strings(json, "reasons", plan.Reasons);
            Strings(json, "unknown", unknowns);
            Strings(json, "parametersAtDefault", parameters);
            json.WriteStartArray("changes");
            foreach (var change in plan.Changes)
            {
                json.WriteStartObject();
                json.WriteString("resource", change.Resource);
                json.WriteString("kind", change.Kind.ToString());
                json.WriteString("reason", change.Reason);
                json.WriteStartArray("fields");
                foreach (var field in change.Fields)
                {
                    json.WriteStartObject();
                    json.WriteString("field", field.Field);
                    json.WriteString("old", field.Old);
                    json.WriteString("new", field.New);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("waves");
            foreach (var wave in plan.Waves)
            {
                Strings(json, null, wave.Select(PlanPrinter.StepText));
            }

            json.WriteEndArray();
            Strings(json, "problems", plan.Problems);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static void Strings(Utf8JsonWriter json, string? name, IEnumerable<string> values)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
