using FargateApi.Simulation.AutoScaling;
using FargateApi.Simulation.CloudFormation;
using FargateApi.Simulation.Ec2;
using FargateApi.Simulation.Ecs;
using FargateApi.Simulation.Elbv2;
using FargateApi.Simulation.Iam;
using FargateApi.Simulation.Lambda;
using FargateApi.Simulation.Logs;
using FargateApi.Simulation.SecretsManager;
using FargateApi.Simulation.Ssm;

namespace FargateApi.Simulation.Core;

/// <summary>The state of one account and region, wired together (ECS checks ELBv2 and EC2; auto scaling checks ECS).</summary>
internal sealed class SimulationStores
{
    public SimulationStores(SimulationContext context)
    {
        Context = context;
        Ssm = new SsmStore(context);
        Logs = new LogsStore(context);
        Iam = new IamStore(context);
        Ec2 = new Ec2Store(context);
        Elbv2 = new Elbv2Store(context);
        TaskDefinitions = new TaskDefinitionStore(context, Iam);
        Deployments = new DeploymentEngine(context, TaskDefinitions, Ec2, Elbv2, Iam);
        Ecs = new EcsStore(context, TaskDefinitions, Elbv2, Ec2, Deployments);
        AutoScaling = new AutoScalingStore(context, Ecs);
        CloudFormation = new CloudFormationStore(context);
        SecretsManager = new SecretsManagerStore(context);
    }

    public SimulationContext Context { get; }
    public SsmStore Ssm { get; }
    public LogsStore Logs { get; }
    public IamStore Iam { get; }
    public Ec2Store Ec2 { get; }
    public Elbv2Store Elbv2 { get; }
    public TaskDefinitionStore TaskDefinitions { get; }
    public DeploymentEngine Deployments { get; }
    public EcsStore Ecs { get; }
    public AutoScalingStore AutoScaling { get; }
    public LambdaStore Lambda { get; } = new();
    public CloudFormationStore CloudFormation { get; }
    public SecretsManagerStore SecretsManager { get; }

    /// <summary>
    /// Before every call (under the state lock): what the clock brought since the last one happens now, in time order:
    /// deployments, target health and draining (with <see cref="SimulationOptions.Timings"/>), ENIs whose linger time is up.
    /// </summary>
    public void Advance()
    {
        Deployments.AdvanceTo(Context.Now);
        Ec2.SweepExpiredEnis();
    }
}
