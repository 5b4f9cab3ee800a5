using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Ssm;

internal sealed class SimParameter : SimulatedResource
{
    public required string Name { get; init; }
    public required string Value { get; set; }
    public string Type { get; set; } = "String";
    public long Version { get; set; } = 1;
    public required string Arn { get; init; }
}

/// <summary>SSM parameters: the seeded network's outputs are read from here (seed: "Importing Network Resources").</summary>
internal sealed class SsmStore(SimulationContext context)
{
    private const string Service = SimServices.Ssm;
    private readonly Dictionary<string, SimParameter> _parameters = new(StringComparer.Ordinal);

    public IEnumerable<SimParameter> All => _parameters.Values;

    public SimParameter Put(string name, string value, string type = "String", bool seeded = false)
    {
        if (_parameters.TryGetValue(name, out var existing))
        {
            existing.Value = value;
            existing.Type = type;
            existing.Version++;
            return existing;
        }

        var parameter = context.Created(new SimParameter
        {
            Name = name,
            Value = value,
            Type = type,
            Arn = context.Arn("ssm", "parameter" + (name.StartsWith('/') ? name : "/" + name)),
            Seeded = seeded,
        });
        _parameters[name] = parameter;
        return parameter;
    }

    /// <summary>GetParameter: a missing name is <c>ParameterNotFound</c> (botocore ssm model, GetParameter errors).</summary>
    public SimParameter Get(string name) =>
        Find(name) ?? throw AwsErrors.Create(Service, "GetParameter", "ParameterNotFound", $"Parameter {name} not found.");

    /// <summary>GetParameters never fails for missing names: they come back in <c>InvalidParameters</c>.</summary>
    public (IReadOnlyList<SimParameter> Found, IReadOnlyList<string> Invalid) GetMany(IEnumerable<string> names)
    {
        var found = new List<SimParameter>();
        var invalid = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (Find(name) is { } parameter)
            {
                found.Add(parameter);
            }
            else
            {
                invalid.Add(name);
            }
        }

        return (found, invalid);
    }

    public IReadOnlyList<SimParameter> GetByPath(string path, bool recursive)
    {
        var prefix = path.EndsWith('/') ? path : path + "/";
        return [.. _parameters.Values
            .Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(p => recursive || !p.Name[prefix.Length..].Contains('/', StringComparison.Ordinal))
            .Where(p => p.IsVisibleToRead())
            .OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    private SimParameter? Find(string name) =>
        _parameters.TryGetValue(name, out var parameter) && parameter.IsVisibleToRead() ? parameter : null;
}
