using System.Text;
using System.Text.Json;
using FargateApi.Cli.Templates;
using FargateApi.Cli.Validation;

namespace FargateApi.Cli.Commands;

/// <summary>
/// <c>fargate-api validate</c>: the checks the Lambda makes before any AWS call, offline, on every
/// <c>Custom::FargateApi</c> resource of CloudFormation templates (YAML or JSON) and on properties or event files,
/// one line a problem (<c>file: resource: property: problem</c>) so CI logs point at the fix.
/// </summary>
internal static class ValidateCommand
{
    public const string Usage = """
        usage: fargate-api validate [--json] TEMPLATE|PROPS.json|EVENT.json|DIR|-...

          TEMPLATE      a CloudFormation template, YAML (short-form tags like !Ref, !Sub) or strict JSON; every resource
                        of Type Custom::FargateApi is validated, a resource typed as a near miss (Custom::FargateAPI) is
                        reported, and each needs a ServiceToken
          PROPS.json    the ResourceProperties object of one resource, or a whole custom-resource event
          DIR           every *.yaml, *.yml, *.template and *.json below it (files of another kind are skipped)
          -             read one file from stdin
          --json        one JSON document on stdout instead of lines

        A value given by an intrinsic function (!Ref Priority, !ImportValue …) is known only at deploy time: it counts
        as a valid value of the property's type, and rules across properties that involve it (Cpu and Memory, …) are
        not checked. Output: one line a problem, `file: resource: property: problem`, then a summary.
        Exit code: 0 all valid, 1 any invalid, 2 usage error or unreadable file.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors, InputReader reader)
    {
        if (arguments.Any(a => a is "-h" or "--help"))
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var options = CommandLine.Parse(arguments, [], ["--json"]);
        var problem = options.Problem ?? (options.Positional.Count == 0 ? "a file or directory is required" : null);
        if (problem is not null)
        {
            await errors.WriteLineAsync($"fargate-api validate: {problem}{Environment.NewLine}{Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var json = options.Flag("--json");
        if (!InputPaths.TryExpand(options.Positional, out var files, out var missing))
        {
            await errors.WriteLineAsync(missing).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var outcome = await ValidateAllAsync(files, reader).ConfigureAwait(false);
        await output.WriteAsync(json ? ToJson(outcome) : ToText(outcome)).ConfigureAwait(false);
        foreach (var unreadable in outcome.Unreadable)
        {
            await errors.WriteLineAsync($"{unreadable.File}: {unreadable.Problem}").ConfigureAwait(false);
        }

        return outcome.Unreadable.Count > 0 ? ExitCodes.Usage : outcome.Reports.All(r => r.IsValid) ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    internal sealed record FileNote(string File, string Problem);

    internal sealed record Outcome(int Files, List<ResourceReport> Reports, List<FileNote> Skipped, List<FileNote> Unreadable);

    private static async Task<Outcome> ValidateAllAsync(List<(string File, bool FromDirectory)> files, InputReader reader)
    {
        var outcome = new Outcome(files.Count, [], [], []);
        foreach (var (path, fromDirectory) in files)
        {
            var file = InputReader.Display(path);
            InputFile input;
            try
            {
                input = InputFile.Read(await reader.ReadAsync(path).ConfigureAwait(false));
            }
            catch (TemplateFormatException e) when (fromDirectory && e.OfAnotherKind)
            {
                outcome.Skipped.Add(new FileNote(file, "skipped: " + e.Message));
                continue;
            }
            catch (InputException e) when (fromDirectory && e.NotATemplate)
            {
                // Empty, binary or oversized files found in a directory hold no resource: not broken templates.
                outcome.Skipped.Add(new FileNote(file, "skipped: " + e.Message));
                continue;
            }
            catch (Exception e) when (e is TemplateFormatException or InputException)
            {
                outcome.Unreadable.Add(new FileNote(file, e.Message));
                continue;
            }

            if (fromDirectory && input.Kind == InputKind.Properties && !file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                outcome.Skipped.Add(new FileNote(file, "skipped: YAML that is not a CloudFormation template"));
                continue;
            }

            if (input.Resources.Count == 0 && input.Mistyped.Count == 0)
            {
                outcome.Skipped.Add(new FileNote(file, $"no {InputFile.ResourceType} resource"));
            }

            foreach (var resource in input.Resources)
            {
                var report = ResourceCheck.Run(file, resource);
                if (input.Kind == InputKind.Template && TemplateRules.MissingServiceToken(resource) is { } missing)
                {
                    report = report with { Problems = [missing, .. report.Problems], Properties = null };
                }

                outcome.Reports.Add(report);
            }

            outcome.Reports.AddRange(input.Mistyped.Select(mistyped => TemplateRules.Mistyped(file, mistyped)));
        }

        return outcome;
    }

    private static string ToText(Outcome outcome)
    {
        var text = new StringBuilder();
        foreach (var report in outcome.Reports)
        {
            foreach (var problem in report.Problems)
            {
                text.AppendLine($"{report.File}: {report.Resource}: {problem.Property}: {problem.Message}");
            }

            if (report.IsValid)
            {
                var unknowns = report.Unknowns.Count == 0
                    ? string.Empty
                    : $" ({report.Unknowns.Count} set by intrinsic functions, taken as valid: {string.Join(", ", report.Unknowns.Select(u => u.Path))})";
                text.AppendLine($"{report.File}: {report.Resource}: valid{unknowns}");
            }
        }

        foreach (var skipped in outcome.Skipped)
        {
            text.AppendLine($"{skipped.File}: {skipped.Problem}");
        }

        var invalid = outcome.Reports.Count(r => !r.IsValid);
        text.Append($"{outcome.Reports.Count} {InputFile.ResourceType} resources in {outcome.Files} {(outcome.Files == 1 ? "file" : "files")}: {outcome.Reports.Count - invalid} valid, {invalid} invalid");
        text.AppendLine(outcome.Unreadable.Count switch { 0 => string.Empty, 1 => ", 1 file unreadable", var n => $", {n} files unreadable" });
        return text.ToString();
    }

    private static string ToJson(Outcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", outcome.Unreadable.Count == 0 && outcome.Reports.All(r => r.IsValid));
            json.WriteStartArray("resources");
            foreach (var report in outcome.Reports)
            {
                json.WriteStartObject();
                json.WriteString("file", report.File);
                json.WriteString("resource", report.Resource);
                json.WriteBoolean("valid", report.IsValid);
                json.WriteStartArray("problems");
                foreach (var problem in report.Problems)
                {
                    json.WriteStartObject();
                    json.WriteString("property", problem.Property);
                    json.WriteString("message", problem.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("unknown");
                foreach (var unknown in report.Unknowns)
                {
                    json.WriteStartObject();
                    json.WriteString("property", unknown.Path);
                    json.WriteString("function", unknown.Function);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteNotes(json, "skipped", outcome.Skipped);
            WriteNotes(json, "unreadable", outcome.Unreadable);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static void WriteNotes(Utf8JsonWriter json, string name, List<FileNote> notes)
    {
        json.WriteStartArray(name);
        foreach (var note in notes)
        {
            json.WriteStartObject();
            json.WriteString("file", note.File);
            json.WriteString("reason", note.Problem);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
