using FargateApi.Cli.Templates;
using FargateApi.Properties;

namespace FargateApi.Cli.Validation;

/// <summary>
/// What a template must say beyond the properties the Lambda reads: the exact resource type, and a ServiceToken, without
/// which CloudFormation cannot deliver the request at all. Checked by <c>validate</c> on templates only (a properties
/// file or event has no Type, and CloudFormation itself puts the ServiceToken into an event).
/// </summary>
internal static class TemplateRules
{
    /// <summary>
    /// "ServiceToken … Required: Yes" (AWS::CloudFormation::CustomResource,
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-customresource.html).
    /// </summary>
    public static PropertyProblem? MissingServiceToken(ResourceInput resource) =>
        resource.Properties is TemplateMap properties && properties.Get(PropertyCatalog.ServiceToken.Name) is null
            ? new PropertyProblem(PropertyCatalog.ServiceToken.Name, "required in a template: CloudFormation sends the request to this Lambda ARN (ServiceToken: !ImportValue fargate-api-provider-ServiceToken)")
            : null;

    /// <summary>A report for a resource whose Type is a near miss of ours: the provider would answer FAILED to it.</summary>
    public static ResourceReport Mistyped(string file, MistypedResource resource) => new(
        file,
        resource.Name,
        [new PropertyProblem("Type", $"{ValueText.Quote(resource.Type)} is not {InputFile.ResourceType}; did you mean {InputFile.ResourceType}? (resource types are case-sensitive, and the provider answers FAILED to any other type)")],
        [],
        null);
}
