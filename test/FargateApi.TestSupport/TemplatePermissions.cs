using FargateApi.Simulation.Authorization;
using FargateApi.TestSupport.Templates;

namespace FargateApi.TestSupport;

/// <summary>
/// template.yaml's provider role as the simulation enforces it (<c>SimulationOptions.Permissions</c>): every statement of
/// ProviderRole and of the policies attached to it, intrinsics resolved for one deployment.
/// </summary>
public static class TemplatePermissions
{
    /// <summary>The boundary the template makes (TaskRoleBoundary); the provisioner must put it on the roles it creates.</summary>
    public static string BoundaryArn => TemplateDeployment.TaskRoleBoundaryArn;

    /// <param name="edit">Changes the template's text first (to show what a statement is needed for).</param>
    public static IamPolicy ProviderRole(TemplateDeployment? deployment = null, Func<string, string>? edit = null) =>
        IamPolicy.Parse(Document(deployment, edit));

    /// <summary>
    /// template.yaml's TaskRoleBoundary (the boundary the template makes when PermissionsBoundaryArn is empty), intrinsics
    /// resolved for one deployment: what IAM evaluates for every role the provider makes.
    /// </summary>
    public static IamPolicy TaskRoleBoundary(TemplateDeployment? deployment = null) => IamPolicy.Parse(TaskRoleBoundaryDocument(deployment));

    /// <inheritdoc cref="TaskRoleBoundary"/>
    public static string TaskRoleBoundaryDocument(TemplateDeployment? deployment = null)
    {
        var template = CloudFormationYaml.Parse(RepositoryFiles.Read("template.yaml"));
        var document = CloudFormationYaml.Get(template.Resource("TaskRoleBoundary"), "Properties", "PolicyDocument")
            ?? throw new InvalidOperationException("template.yaml has no TaskRoleBoundary with a PolicyDocument.");
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            new TemplateResolver(template, deployment ?? new TemplateDeployment()).WriteJson(json, document);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The resolved policy document itself (for failure messages and external evaluators).</summary>
    public static string Document(TemplateDeployment? deployment = null, Func<string, string>? edit = null)
    {
        var text = RepositoryFiles.Read("template.yaml");
        var template = CloudFormationYaml.Parse(edit is null ? text : edit(text));
        var policy = ProviderPolicy.Of(template);
        return policy.ResolvedDocument(new TemplateResolver(template, deployment ?? new TemplateDeployment()));
    }
}
