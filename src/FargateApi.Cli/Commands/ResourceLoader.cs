using FargateApi.Cli.Templates;
using FargateApi.Cli.Validation;

namespace FargateApi.Cli.Commands;

/// <summary>One resource read for a verb that needs concrete properties, and the exit code when it could not be.</summary>
/// <param name="Report">The resource's validation; its Properties are set when the verb can go on.</param>
internal sealed record LoadedResource(int Exit, InputFile? Input, ResourceReport? Report)
{
    public bool Usable => Exit == ExitCodes.Ok;

    /// <summary>"Cpu (Ref), ServiceToken (Fn::ImportValue)": what intrinsic functions set, which the verb cannot know.</summary>
    public string Unknowns => string.Join(", ", Report?.Unknowns.Select(u => u.ToString()) ?? []);

    /// <summary>"ProjectPrefix=acme, ImageTag=latest": the parameters taken at their defaults.</summary>
    public string Parameters => string.Join(", ", Input?.ParametersAtDefault.Select(p => $"{p.Key}={p.Value}") ?? []);
}

/// <summary>
/// What plan, simulate and event read: a properties file, an event or a template (parameters at their defaults, one
/// resource chosen with <c>--resource</c> when it has several), checked as the Lambda checks it. Problems go to stderr
/// one line each, <c>file: resource: property: problem</c>, as validate prints them.
/// </summary>
internal static class ResourceLoader
{
    /// <param name="verb">For the message when intrinsic functions decide validity: "planned", "simulated".</param>
    public static async Task<LoadedResource> LoadAsync(string file, string? resource, InputReader reader, TextWriter errors, string verb)
    {
        InputFile input;
        try
        {
            input = InputFile.Read(await reader.ReadAsync(file).ConfigureAwait(false), useParameterDefaults: true);
        }
        catch (Exception e) when (e is TemplateFormatException or InputException)
        {
            await errors.WriteLineAsync($"{InputReader.Display(file)}: {e.Message}").ConfigureAwait(false);
            return new LoadedResource(ExitCodes.Usage, null, null);
        }

        if (input.Select(resource, out var problem) is not { } chosen)
        {
            var mistyped = input.Mistyped.Count == 0 ? string.Empty : $" ({string.Join(", ", input.Mistyped.Select(m => $"{m.Name} is typed '{m.Type}'"))}: did you mean {InputFile.ResourceType}?)";
            await errors.WriteLineAsync(problem + mistyped).ConfigureAwait(false);
            return new LoadedResource(ExitCodes.Usage, input, null);
        }

        var report = ResourceCheck.Run(InputReader.Display(file), chosen);
        foreach (var invalid in report.Problems)
        {
            await errors.WriteLineAsync($"{InputReader.Display(file)}: {report.Resource}: {invalid.Property}: {invalid.Message}").ConfigureAwait(false);
        }

        if (report.IsValid && report.Properties is null)
        {
            await errors.WriteLineAsync($"{InputReader.Display(file)}: {report.Resource}: cannot be {verb} offline: values set by intrinsic functions ({string.Join(", ", report.Unknowns)}) decide whether it is valid").ConfigureAwait(false);
        }

        return new LoadedResource(report.Properties is null ? ExitCodes.Invalid : ExitCodes.Ok, input, report);
    }
}
