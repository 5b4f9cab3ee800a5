using FargateApi.Planning;
using FargateApi.Provisioning.Resources.ListenerRules;
using FargateApi.Provisioning.Resources.LogGroups;
using FargateApi.Provisioning.Resources.Roles;
using FargateApi.Provisioning.Resources.Scaling;
using FargateApi.Provisioning.Resources.SecurityGroups;
using FargateApi.Provisioning.Resources.Services;
using FargateApi.Provisioning.Resources.TargetGroups;
using FargateApi.Provisioning.Resources.TaskDefinitions;

namespace FargateApi.Provisioning.Resources;

/// <summary>The module of each resource kind: a new resource is one folder here plus its lines in the planners.</summary>
internal static class ResourceModules
{
    private static readonly Dictionary<ResourceKind, ResourceModule> Modules = new ResourceModule[]
    {
        new LogGroupModule(),
        new RoleModule(),
        new SecurityGroupModule(),
        new TargetGroupModule(),
        new ListenerRuleModule(),
        new TaskDefinitionModule(),
        new ServiceModule(),
        new ScalingModule(),
    }.ToDictionary(module => module.Kind);

    public static ResourceModule For(ResourceKind kind) =>
        Modules.TryGetValue(kind, out var module) ? module : throw new ProvisioningException($"Internal error: no module handles {kind}.");
}
