using FargateApi.Properties;

namespace FargateApi.Desired;

/// <summary>The statements of the two roles: least privilege, on exactly the ARNs the properties name.</summary>
internal static class RolePolicies
{
    /// <summary>What the ECS agent needs before the container starts: pull the image, write logs, fetch secrets.</summary>
    public static ValueList<PolicyStatement> Execution(ResolvedImage image, string logGroupArn, ValueMap secrets, AwsEnvironment env)
    {
        var statements = new List<PolicyStatement>();
        if (image.EcrRepositoryArn is { } repository)
        {
            statements.Add(PolicyStatement.Allow("EcrAuthorization", [GrantActions.EcrAuthorization], ["*"]));
            statements.Add(PolicyStatement.Allow("EcrPull", GrantActions.EcrPull, [repository]));
        }

        statements.Add(PolicyStatement.Allow("Logs", GrantActions.LogsWrite, [logGroupArn]));

        var sources = secrets.Values.Select(valueFrom => SecretSource(valueFrom, env)).ToList();
        var secretArns = sources.Where(source => !source.IsParameter).Select(source => source.Arn).ToList();
        var parameterArns = sources.Where(source => source.IsParameter).Select(source => source.Arn).ToList();
        if (secretArns.Count > 0)
        {
            statements.Add(PolicyStatement.Allow("Secrets", [GrantActions.SecretsManagerGetSecretValue], secretArns));
        }

        if (parameterArns.Count > 0)
        {
            statements.Add(PolicyStatement.Allow("Parameters", [GrantActions.SsmGetParameters], parameterArns));
        }

        return statements.ToValueList();
    }

    /// <summary>What the application may do: the requested grants, and the ECS Exec channels when Exec is on.</summary>
    public static ValueList<PolicyStatement> Task(Grants grants, bool enableExecuteCommand, AwsEnvironment env)
    {
        var statements = new List<PolicyStatement>();
        if (grants.DynamoDbTables.Count > 0)
        {
            var tables = grants.DynamoDbTables.Select(table => TableArn(table, env)).ToList();
            statements.Add(PolicyStatement.Allow(
                "DynamoDbReadWriteData",
                GrantActions.DynamoDbReadWriteData,
                tables.Concat(tables.Select(table => $"{table}/index/*"))));
        }

        if (grants.S3Buckets.Count > 0)
        {
            var buckets = grants.S3Buckets.Select(bucket => BucketArn(bucket, env)).ToList();
            statements.Add(PolicyStatement.Allow(
                "S3ReadWrite",
                GrantActions.S3ReadWrite,
                buckets.Concat(buckets.Select(bucket => $"{bucket}/*"))));
        }

        if (grants.SecretArns.Count > 0)
        {
            statements.Add(PolicyStatement.Allow(
                "SecretsRead",
                GrantActions.SecretRead,
                grants.SecretArns.Select(secret => SecretSource(secret, env).Arn)));
        }

        if (enableExecuteCommand)
        {
            statements.Add(PolicyStatement.Allow("EcsExec", GrantActions.EcsExec, ["*"]));
        }

        return statements.ToValueList();
    }

    /// <summary>A table name in this account and region, or a table ARN as given.</summary>
    public static string TableArn(string table, AwsEnvironment env) =>
        table.StartsWith("arn:", StringComparison.Ordinal) ? table : env.Arn("dynamodb", $"table/{table}");

    /// <summary>A bucket name or ARN; S3 bucket ARNs carry no region or account (<c>arn:aws:s3:::name</c>).</summary>
    public static string BucketArn(string bucket, AwsEnvironment env) =>
        bucket.StartsWith("arn:", StringComparison.Ordinal) ? bucket : env.Arn("s3", bucket, region: string.Empty, accountId: string.Empty);

    /// <summary>
    /// The resource a container secret reads. ECS accepts <c>arn:…:secret:name-AbCdEf:json-key:version-stage:version-id</c>
    /// ("Pass Secrets Manager secrets through environment variables"); IAM wants the secret's own ARN, its first seven
    /// colon-separated parts. A bare name (no <c>arn:</c>) is a Parameter Store parameter in this account and region.
    /// </summary>
    public static (string Arn, bool IsParameter) SecretSource(string valueFrom, AwsEnvironment env)
    {
        if (!valueFrom.StartsWith("arn:", StringComparison.Ordinal))
        {
            return (env.Arn("ssm", $"parameter/{valueFrom.TrimStart('/')}"), true);
        }

        var parts = valueFrom.Split(':');
        var isSecret = parts.Length >= 7 && parts[2] == "secretsmanager";
        return isSecret ? (string.Join(':', parts.Take(7)), false) : (valueFrom, parts.Length > 2 && parts[2] == "ssm");
    }
}
