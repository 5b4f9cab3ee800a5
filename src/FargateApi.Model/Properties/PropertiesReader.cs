using System.Text.Json;
using C = FargateApi.Properties.PropertyCatalog;
using R = FargateApi.Properties.JsonValueReader;

namespace FargateApi.Properties;

/// <summary>
/// Turns a CloudFormation event's <c>ResourceProperties</c> into <see cref="ServiceProperties"/>: every member read
/// against <see cref="PropertyCatalog"/>, defaults filled in, every problem reported at once, before any AWS call.
/// </summary>
public static class PropertiesReader
{
    /// <summary>Never throws on bad input: whatever the JSON, the result is valid or lists at least one problem.</summary>
    public static PropertiesResult Read(JsonElement resourceProperties)
    {
        var problems = new ProblemCollector();
        var root = ObjectSection.Open(resourceProperties, C.Root, string.Empty, problems);

        var projectPrefix = R.String(root, C.ProjectPrefix);
        var environment = R.String(root, C.Environment);
        var serviceName = R.String(root, C.ServiceName);
        CrossPropertyRules.NameLengths(problems, projectPrefix, serviceName);
        CrossPropertyRules.DerivedNames(problems, projectPrefix, serviceName);

        var cpu = R.Integer(root, C.Cpu);
        var memory = R.Integer(root, C.Memory) ?? (root.Get(C.Memory) is null && cpu is not null ? FargateSizes.DefaultMemory(cpu.Value) : null);
        CrossPropertyRules.Memory(problems, cpu, memory);

        var image = R.String(root, C.Image);
        var imageRepository = R.String(root, C.ImageRepository)
            ?? (root.Get(C.ImageRepository) is null ? projectPrefix + "/" + serviceName : null);
        var imageTag = R.String(root, C.ImageTag);
        CrossPropertyRules.ImageSource(problems, image, root.Get(C.ImageRepository) is not null, root.Get(C.ImageTag) is not null);

        var containerPort = R.Integer(root, C.ContainerPort);
        var variables = R.Map(root, C.EnvironmentVariables);
        var secrets = R.Map(root, C.Secrets);
        var secretKeys = R.List(root, C.SecretKmsKeyArns);
        CrossPropertyRules.VariableSources(problems, variables, secrets);
        var healthCheck = SectionReaders.HealthCheck(root.Child(C.HealthCheck), containerPort);
        var logRetentionDays = R.Integer(root, C.LogRetentionDays);
        var logRemovalPolicy = R.String(root, C.LogRemovalPolicy);
        var network = SectionReaders.Network(root.Child(C.Network), projectPrefix);
        var desiredCount = R.Integer(root, C.DesiredCount);
        var deployment = SectionReaders.Deployment(root.Child(C.Deployment));
        var enableExecuteCommand = R.Boolean(root, C.EnableExecuteCommand);
        var targetHealthCheck = SectionReaders.TargetHealthCheck(root.Child(C.TargetHealthCheck));
        var deregistrationDelay = R.Integer(root, C.DeregistrationDelaySeconds);
        var pathPatterns = R.List(root, C.PathPatterns);
        var hostHeaders = R.List(root, C.HostHeaders);
        CrossPropertyRules.ListenerConditions(problems, pathPatterns, hostHeaders);
        var priority = R.Integer(root, C.Priority);
        var autoScaling = SectionReaders.AutoScaling(root.Child(C.AutoScaling), desiredCount, out _);
        var grants = SectionReaders.Grants(root.Child(C.Grants));
        var taskRoleArn = R.String(root, C.TaskRoleArn);
        var executionRoleArn = R.String(root, C.ExecutionRoleArn);
        var tags = R.Map(root, C.Tags);
        var waitForSteadyState = R.Boolean(root, C.WaitForSteadyState);
        _ = R.String(root, C.ServiceToken);
        var serviceTimeout = R.Integer(root, C.ServiceTimeout);

        if (problems.Count == 0 && (healthCheck is null || network is null || deployment is null || targetHealthCheck is null || grants is null))
        {
            // Unreachable by construction (a section is null only with a problem recorded); kept so null never escapes.
            problems.Add("ResourceProperties", "could not be read");
        }

        if (problems.Count > 0)
        {
            return new PropertiesResult(null, problems.Problems);
        }

        // No problem recorded means every required member and every default is there: the fallbacks below never apply.
        var properties = new ServiceProperties
        {
            ProjectPrefix = projectPrefix ?? string.Empty,
            Environment = environment ?? string.Empty,
            ServiceName = serviceName ?? string.Empty,
            Cpu = cpu ?? 0,
            Memory = memory ?? 0,
            Image = ImageOf(image, imageRepository ?? string.Empty, imageTag ?? string.Empty),
            ContainerPort = containerPort ?? 0,
            EnvironmentVariables = variables ?? new Dictionary<string, string>(),
            Secrets = secrets ?? new Dictionary<string, string>(),
            SecretKmsKeyArns = secretKeys ?? [],
            HealthCheck = healthCheck!,
            LogRetentionDays = logRetentionDays ?? 0,
            LogRemovalPolicy = logRemovalPolicy == nameof(RemovalPolicy.Retain) ? RemovalPolicy.Retain : RemovalPolicy.Destroy,
            Network = network!,
            DesiredCount = desiredCount ?? 0,
            Deployment = deployment!,
            EnableExecuteCommand = enableExecuteCommand ?? environment != "prod",
            TargetHealthCheck = targetHealthCheck!,
            DeregistrationDelaySeconds = deregistrationDelay ?? 0,
            PathPatterns = pathPatterns ?? [],
            HostHeaders = hostHeaders ?? [],
            Priority = priority ?? 0,
            AutoScaling = autoScaling,
            Grants = grants ?? Grants.None,
            TaskRoleArn = taskRoleArn,
            ExecutionRoleArn = executionRoleArn,
            Tags = tags ?? new Dictionary<string, string>(),
            WaitForSteadyState = waitForSteadyState ?? true,
            ServiceTimeoutSeconds = serviceTimeout ?? PropertyLimits.MaxServiceTimeout,
        };
        return new PropertiesResult(properties, []);
    }

    /// <summary>With a full URI, repository and tag are split from it (for display); else the ECR pair.</summary>
    private static ContainerImage ImageOf(string? uri, string repository, string tag)
    {
        if (uri is null)
        {
            return new ContainerImage(null, repository, tag);
        }

        var at = uri.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return new ContainerImage(uri, uri[..at], uri[(at + 1)..]);
        }

        var colon = uri.LastIndexOf(':');
        return colon > uri.LastIndexOf('/')
            ? new ContainerImage(uri, uri[..colon], uri[(colon + 1)..])
            : new ContainerImage(uri, uri, "latest");
    }
}
