using FargateApi.Properties;

namespace FargateApi.Desired;

/// <summary>The statements of the two roles: least privilege, on exactly the ARNs the properties name.</summary>
internal static class RolePolicies
{
    /// <summary>
    /// What the ECS agent needs before the container starts: pull the image, write logs, fetch secrets (and decrypt them
    /// with the customer managed keys given, through the services it reads them from).
    /// </summary>
    public static ValueList<PolicyStatement> Execution(ResolvedImage image, string logGroupArn, ValueMap secrets, ValueList<string> secretKeyArns, AwsEnvironment env)
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

        var readThrough = new List<string>();
        if (secretArns.Count > 0)
        {
            readThrough.Add(SecretsManagerService);
        }

        if (parameterArns.Count > 0)
        {
            readThrough.Add(SsmService);
        }

        statements.AddRange(SecretKeys(secretKeyArns, readThrough, env));
        return statements.ToValueList();
    }

    /// <summary>
    /// What the application may do: the requested grants (secrets with the customer managed keys given, through Secrets
    /// Manager), and the ECS Exec channels when Exec is on.
    /// </summary>
    public static ValueList<PolicyStatement> Task(Grants grants, ValueList<string> secretKeyArns, bool enableExecuteCommand, AwsEnvironment env)
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
            statements.AddRange(SecretKeys(secretKeyArns, [SecretsManagerService], env));
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
    /// colon-separated parts, as <see cref="SecretArnForPolicies"/> writes it. A bare name (no <c>arn:</c>) is a Parameter
    /// Store parameter in this account and region.
    /// </summary>
    public static (string Arn, bool IsParameter) SecretSource(string valueFrom, AwsEnvironment env)
    {
        if (!valueFrom.StartsWith("arn:", StringComparison.Ordinal))
        {
            return (env.Arn("ssm", $"parameter/{valueFrom.TrimStart('/')}"), true);
        }

        var parts = valueFrom.Split(':');
        var isSecret = parts.Length >= 7 && parts[2] == "secretsmanager";
        return isSecret ? (SecretArnForPolicies(string.Join(':', parts.Take(7))), false) : (valueFrom, parts.Length > 2 && parts[2] == "ssm");
    }

    /// <summary>
    /// A secret's ARN ends in '-' and six random characters that Secrets Manager adds to the name. A partial ARN (without
    /// them) finds the secret, but IAM matches the request against the full ARN, so granting the partial ARN as written
    /// denies the read. It is granted as <c>name-??????</c>, exactly six more characters, as CDK does for a partial ARN
    /// (aws-cdk <c>aws-secretsmanager/lib/secret.ts</c>: <c>arnForPolicies</c> is <c>`${secretArn}-??????`</c> for
    /// <c>fromSecretPartialArn</c> and <c>fromSecretNameV2</c>). A name ending in '-' and six letters or digits is taken
    /// as complete, as CDK's <c>arnIsComplete</c> (<c>/-[a-z0-9]{6}$/i</c>) does and as Secrets Manager itself does
    /// ("Finding a secret from a partial ARN", secretsmanager/latest/userguide/troubleshoot.html#ARN_secretnamehyphen).
    /// </summary>
    public static string SecretArnForPolicies(string secretArn) => IsCompleteSecretArn(secretArn) ? secretArn : secretArn + "-??????";

    /// <inheritdoc cref="SecretArnForPolicies"/>
    public static bool IsCompleteSecretArn(string secretArn) =>
        secretArn.Length > RandomSuffixLength
        && secretArn[^(RandomSuffixLength + 1)] == '-'
        && secretArn[^RandomSuffixLength..].All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// kms:Decrypt on exactly the given keys, and only for the reads the role makes through Secrets Manager or SSM
    /// (<see cref="PolicyCondition.KmsViaService"/>). Each key is in the region of the secrets it encrypts (Secrets Manager and
    /// SSM use a key of their own region), so the services are those of the keys' regions. No keys, or no service to
    /// read through: no statement.
    /// </summary>
    private static IEnumerable<PolicyStatement> SecretKeys(ValueList<string> keyArns, IReadOnlyList<string> services, AwsEnvironment env)
    {
        if (keyArns.Count == 0 || services.Count == 0)
        {
            yield break;
        }

        // CDK writes secretsmanager.<region>.amazonaws.com in every partition (ViaServicePrincipal in secret.ts); the China
        // partition's endpoints end in .com.cn, and no document we found says which one KMS reports there: both, then.
        var regions = keyArns.Select(key => key.Split(':')[3]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var suffixes = new[] { "amazonaws.com", env.DnsSuffix }.Distinct(StringComparer.Ordinal).ToList();
        var endpoints = services.SelectMany(service => regions.SelectMany(region => suffixes.Select(suffix => $"{service}.{region}.{suffix}")));
        yield return PolicyStatement.Allow("SecretKeysDecrypt", [GrantActions.KmsDecrypt], keyArns) with
        {
            Condition = new PolicyCondition(PolicyCondition.StringEquals, PolicyCondition.KmsViaService, endpoints.ToValueList()),
        };
    }

    /// <summary>The random suffix Secrets Manager adds to a secret's name in its ARN: '-' and six characters.</summary>
    private const int RandomSuffixLength = 6;

    private const string SecretsManagerService = "secretsmanager";

    private const string SsmService = "ssm";
}
