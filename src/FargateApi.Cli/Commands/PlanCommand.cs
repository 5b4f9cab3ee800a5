using System.Text;
using System.Text.Json;
using FargateApi.Cli.Planning;
using FargateApi.Cli.Templates;
using FargateApi.Cli.Validation;
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

          --old FILE        the properties before the update: a properties file, an event, or a template
          --new FILE        the properties after it (same kinds)
          --resource ID     the Custom::FargateApi resource of a template (needed when it has more than one)
          --json            one JSON document on stdout instead of text

        Prints whether the update happens in place (which resources change, field by field) or needs a replacement
        (a new generation of the stack beside the old one, and why). Offline: account, region and any network id the
        properties leave to SSM are placeholders. A value a template sets with an intrinsic function is unknown offline
        and stands in as the same plausible value on both sides, so it never shows as a change.
        Exit code: 0 planned, 1 invalid properties or a plan that breaks a limit, 2 usage error or unreadable file.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors)
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
        var old = await ReadAsync(options.Value("--old")!, resource, errors).ConfigureAwait(false);
        var next = await ReadAsync(options.Value("--new")!, resource, errors).ConfigureAwait(false);
        if (old.Exit != ExitCodes.Ok || next.Exit != ExitCodes.Ok)
        {
            return Math.Max(old.Exit, next.Exit);
        }

        var logicalId = next.Report!.Resource == InputFile.PropertiesName ? "Service" : next.Report.Resource;
        var owner = PlaceholderDeployment.Owner(logicalId);
        var current = DesiredStack.From(old.Report!.Properties!, PlaceholderDeployment.Network(old.Report.Properties!.Network), PlaceholderDeployment.Environment, owner, generation: 0);
        var desired = DesiredStack.From(next.Report.Properties!, PlaceholderDeployment.Network(next.Report.Properties!.Network), PlaceholderDeployment.Environment, owner, generation: 0);
        var plan = Plan.ForUpdate(current, desired);
        var unknowns = old.Report.Unknowns.Concat(next.Report.Unknowns).Select(u => u.Path).Distinct(StringComparer.Ordinal).ToList();
        await output.WriteAsync(options.Flag("--json") ? ToJson(plan, unknowns) : ToText(plan, unknowns)).ConfigureAwait(false);
        return plan.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    /// <summary>The one line that says it all: the printer's headline for an in-place update, the reasons for a replacement.</summary>
    public static string Summary(Plan plan) => plan.Kind switch
    {
        PlanKind.Replace => $"replace: a new generation ({plan.Stack.Generation}) of the stack beside the old one, because {string.Join("; ", plan.Reasons)}",
        _ => PlanPrinter.Print(plan).Split('\n')[0].TrimEnd('\r'),
    };

    private sealed record ReadResult(int Exit, ResourceReport? Report);

    private static async Task<ReadResult> ReadAsync(string file, string? resource, TextWriter errors)
    {
        InputFile input;
        try
        {
            input = await InputFile.ReadAsync(file).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TemplateFormatException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"{file}: {e.Message}").ConfigureAwait(false);
            return new ReadResult(ExitCodes.Usage, null);
        }

        if (input.Select(resource, out var problem) is not { } chosen)
        {
            await errors.WriteLineAsync(problem).ConfigureAwait(false);
            return new ReadResult(ExitCodes.Usage, null);
        }

        var report = ResourceCheck.Run(file, chosen);
        foreach (var invalid in report.Problems)
        {
            await errors.WriteLineAsync($"{file}: {report.Resource}: {invalid.Property}: {invalid.Message}").ConfigureAwait(false);
        }

        if (report.IsValid && report.Properties is null)
        {
            await errors.WriteLineAsync($"{file}: {report.Resource}: cannot be planned offline: values set by intrinsic functions ({string.Join(", ", report.Unknowns)}) decide whether it is valid").ConfigureAwait(false);
        }

        return new ReadResult(report.Properties is null ? ExitCodes.Invalid : ExitCodes.Ok, report);
    }

    private static string ToText(Plan plan, List<string> unknowns)
    {
        var text = new StringBuilder();
        text.AppendLine(PlaceholderDeployment.Describe);
        if (unknowns.Count > 0)
        {
            text.AppendLine($"set by intrinsic functions, unknown offline (shown unchanged): {string.Join(", ", unknowns)}");
        }

        text.AppendLine();
        text.Append(PlanPrinter.Print(plan));
        text.AppendLine();
        text.AppendLine(Summary(plan));
        return text.ToString();
    }

    private static string ToJson(Plan plan, List<string> unknowns)
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
