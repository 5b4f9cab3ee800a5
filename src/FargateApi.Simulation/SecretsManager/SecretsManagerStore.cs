using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.SecretsManager;

internal sealed class SimSecret
{
    public required string Name { get; init; }

    /// <summary><c>arn:aws:secretsmanager:region:account:secret:NAME-xxxxxx</c>: the name and 6 random characters.</summary>
    public required string Arn { get; init; }

    public List<SimSecretVersion> Versions { get; } = [];
}

internal sealed class SimSecretVersion
{
    public required string VersionId { get; init; }
    public string? SecretString { get; init; }
    public byte[]? SecretBinary { get; init; }
    public HashSet<string> Stages { get; } = new(StringComparer.Ordinal);
    public DateTimeOffset CreatedDate { get; init; }
}

/// <summary>Secrets tests put, with their versions and staging labels: what GetSecretValue reads.</summary>
internal sealed class SecretsManagerStore(SimulationContext context)
{
    public const string Current = "AWSCURRENT";
    public const string Previous = "AWSPREVIOUS";

    private const string Service = SimServices.SecretsManager;
    private const string NotFound = "Secrets Manager can't find the specified secret.";
    private const int ArnSuffixLength = 6;

    private readonly Dictionary<string, SimSecret> _secrets = new(StringComparer.Ordinal);

    /// <summary>
    /// PutSecretValue (creating the secret the first time): the new version becomes AWSCURRENT, the version that was
    /// AWSCURRENT becomes AWSPREVIOUS, and the one that was AWSPREVIOUS loses the label
    /// (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html).
    /// </summary>
    public SimSecret Put(string name, string? secretString, byte[]? secretBinary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new ArgumentException($"name '{name}' is an ARN: put a secret by its name.", nameof(name));
        }

        if (!_secrets.TryGetValue(name, out var secret))
        {
            secret = new SimSecret { Name = name, Arn = context.Arn("secretsmanager", $"secret:{name}-{context.Ids.Hex(ArnSuffixLength)}") };
            _secrets[name] = secret;
        }

        foreach (var version in secret.Versions)
        {
            version.Stages.Remove(Previous);
            if (version.Stages.Remove(Current))
            {
                version.Stages.Add(Previous);
            }
        }

        var hex = context.Ids.Hex(32);
        var added = new SimSecretVersion
        {
            VersionId = $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}",
            SecretString = secretString,
            SecretBinary = secretBinary is null ? null : [.. secretBinary],
            CreatedDate = context.Now,
        };
        added.Stages.Add(Current);
        secret.Versions.Add(added);
        return secret;
    }

    /// <summary>
    /// GetSecretValue. The id is the name, the ARN, or the ARN without its random suffix ("You can specify a partial ARN too
    /// — for example, if you don't include the final hyphen and six random characters": GetSecretValueRequest.SecretId;
    /// https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot.html#ARN_secretnamehyphen). A name with the
    /// suffix is no name: ResourceNotFoundException "Secrets Manager can't find the specified secret."
    /// (digitalis-io/vals-operator#44). The version is AWSCURRENT unless one is asked for; a missing one is
    /// ResourceNotFoundException "... can't find the specified secret value for staging label: AWSCURRENT" (boto/boto3#2794)
    /// or "... for VersionId: X" (as moto words it). A VersionId and a VersionStage that name different versions ("the two
    /// parameters must refer to the same secret version") get the same error; its wording there is ours, not verified.
    /// </summary>
    public (SimSecret Secret, SimSecretVersion Version) Get(string secretId, string? versionId, string? versionStage)
    {
        const string Operation = "GetSecretValue";
        var secret = Find(secretId) ?? throw AwsErrors.Create(Service, Operation, "ResourceNotFoundException", NotFound);
        SimSecretVersion? version;
        string missing;
        if (versionId is not null)
        {
            version = secret.Versions.FirstOrDefault(v => v.VersionId == versionId && (versionStage is null || v.Stages.Contains(versionStage)));
            missing = versionStage is null ? $"VersionId: {versionId}" : $"VersionId: {versionId} and staging label: {versionStage}";
        }
        else
        {
            var stage = versionStage ?? Current;
            version = secret.Versions.FirstOrDefault(v => v.Stages.Contains(stage));
            missing = $"staging label: {stage}";
        }

        return version is null
            ? throw AwsErrors.Create(Service, Operation, "ResourceNotFoundException", $"Secrets Manager can't find the specified secret value for {missing}")
            : (secret, version);
    }

    private SimSecret? Find(string secretId)
    {
        if (!secretId.StartsWith("arn:", StringComparison.Ordinal))
        {
            return _secrets.GetValueOrDefault(secretId);
        }

        // A partial ARN must match exactly one secret ("A partial ARN match can work as long as it uniquely matches only one secret").
        var matches = _secrets.Values
            .Where(s => s.Arn == secretId || (s.Arn.Length == secretId.Length + 1 + ArnSuffixLength && s.Arn.StartsWith(secretId + "-", StringComparison.Ordinal)))
            .Take(2)
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
