using System.Text.Json;
using FargateApi.Cli.Templates;
using FargateApi.Properties;

namespace FargateApi.Cli.Validation;

/// <summary>The validation of one resource: the problems that stand whatever the intrinsic functions resolve to.</summary>
/// <param name="Properties">The validated properties when there is no problem (intrinsics stand in as plausible values).</param>
internal sealed record ResourceReport(
    string File,
    string Resource,
    IReadOnlyList<PropertyProblem> Problems,
    IReadOnlyList<UnknownValue> Unknowns,
    ServiceProperties? Properties)
{
    public bool IsValid => Problems.Count == 0;
}

internal static class ResourceCheck
{
    /// <summary>Reads the resource as the Lambda would, intrinsics taken as plausible values and the problems they could cause dropped.</summary>
    public static ResourceReport Run(string file, ResourceInput resource)
    {
        var unknowns = new UnknownValues();
        var json = PropertiesJson.Write(resource.Properties, unknowns);
        using var document = JsonDocument.Parse(json);
        var result = PropertiesReader.Read(document.RootElement);
        var problems = result.Problems.Where(problem => !unknowns.CouldCause(problem)).ToList();
        return new ResourceReport(file, resource.Name, problems, unknowns.Values, problems.Count == 0 ? result.Properties : null);
    }
}
