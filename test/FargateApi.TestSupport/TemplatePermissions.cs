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

    /// <summary>The resolved policy document itself (for failure messages and external evaluators).</summary>
    public static string Document(TemplateDeployment? deployment = null, Func<string, string>? edit = null)
    {
        var text = RepositoryFiles.Read("template.yaml");
        var template = CloudFormationYaml.Parse(edit is null ? text : edit(text));
        var policy = ProviderPolicy.Of(template);
        return policy.ResolvedDocument(new TemplateResolver(template, deployment ?? new TemplateDeployment()));
    }
}
