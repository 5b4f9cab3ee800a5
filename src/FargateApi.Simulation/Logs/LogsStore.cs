using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Logs;

internal sealed class SimLogGroup : SimulatedResource
{
    public required string Name { get; init; }
    public required string Arn { get; init; }
    public int? RetentionInDays { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>CloudWatch Logs log groups with retention and tags.</summary>
internal sealed class LogsStore(SimulationContext context)
{
    private const string Service = SimServices.Logs;

    /// <summary>The values PutRetentionPolicy accepts (botocore logs model, <c>Days</c> documentation).</summary>
    public static readonly IReadOnlySet<int> AllowedRetentionDays = new HashSet<int>
    {
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    };

    private readonly Dictionary<string, SimLogGroup> _groups = new(StringComparer.Ordinal);

    public IEnumerable<SimLogGroup> All => _groups.Values;

    /// <summary>Duplicate name: <c>ResourceAlreadyExistsException</c> "The specified log group already exists".</summary>
    public SimLogGroup Create(string name, IEnumerable<KeyValuePair<string, string>>? tags)
    {
        if (_groups.ContainsKey(name))
        {
            throw AwsErrors.Create(Service, "CreateLogGroup", "ResourceAlreadyExistsException", "The specified log group already exists");
        }

        var group = context.Created(new SimLogGroup
        {
            Name = name,
            Arn = context.Arn("logs", $"log-group:{name}:*"),
            CreatedAt = context.Now,
        });
        group.MergeTags(tags);
        _groups[name] = group;
        return group;
    }

    public void Delete(string name)
    {
        if (!_groups.Remove(name))
        {
            throw NotFound("DeleteLogGroup");
        }
    }

    public void PutRetention(string name, int days)
    {
        if (!AllowedRetentionDays.Contains(days))
        {
            throw AwsErrors.Create(Service, "PutRetentionPolicy", "InvalidParameterException",
                $"1 validation error detected: Value '{days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set");
        }

        Require(name, "PutRetentionPolicy").RetentionInDays = days;
    }

    public void DeleteRetention(string name) => Require(name, "DeleteRetentionPolicy").RetentionInDays = null;

    public IReadOnlyList<SimLogGroup> Describe(string? prefix) =>
        [.. _groups.Values
            .Where(g => prefix is null || g.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(g => g.IsVisibleToRead())
            .OrderBy(g => g.Name, StringComparer.Ordinal)];

    /// <summary>Finds a log group by name or by ARN (TagResource/ListTagsForResource take the ARN without <c>:*</c>).</summary>
    public SimLogGroup Require(string nameOrArn, string operation, bool read = false)
    {
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? NameFromArn(nameOrArn) : nameOrArn;
        return _groups.TryGetValue(name, out var group) && group.IsVisibleTo(read) ? group : throw NotFound(operation);
    }

    private static string NameFromArn(string arn)
    {
        const string Marker = ":log-group:";
        var start = arn.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        var name = arn[start..];
        return name.EndsWith(":*", StringComparison.Ordinal) ? name[..^2] : name;
    }

    private static Aws.Http.AwsServiceException NotFound(string operation) =>
        AwsErrors.Create(Service, operation, "ResourceNotFoundException", "The specified log group does not exist.");
}
