using System.Collections.Concurrent;

namespace FargateApi.Provisioning.Execution;

/// <summary>
/// Values that exist only once a resource does (ARNs, ids), shared by the steps of one run and carried to the next
/// invocation when the run continues there. Each is looked up at most once even when steps of one wave ask for it
/// together; a step that makes the resource sets it.
/// </summary>
internal sealed class Outputs
{
    public const string TargetGroupArn = "TargetGroupArn";
    public const string SecurityGroupId = "SecurityGroupId";
    public const string TaskDefinitionArn = "TaskDefinitionArn";
    public const string ListenerRuleArn = "ListenerRuleArn";
    public const string ServiceArn = "ServiceArn";

    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _values = new(StringComparer.Ordinal);

    public Outputs(IReadOnlyDictionary<string, string>? known = null)
    {
        foreach (var (key, value) in known ?? new Dictionary<string, string>())
        {
            Set(key, value);
        }
    }

    public void Set(string key, string value) => _values[key] = new Lazy<Task<string?>>(Task.FromResult<string?>(value));

    /// <summary>The value, looked up with <paramref name="lookup"/> the first time (null: it does not exist).</summary>
    public Task<string?> GetAsync(string key, Func<Task<string?>> lookup) =>
        _values.GetOrAdd(key, _ => new Lazy<Task<string?>>(lookup)).Value;

    /// <summary>The value, or a failure naming what is missing.</summary>
    public async Task<string> RequireAsync(string key, Func<Task<string?>> lookup) =>
        await GetAsync(key, lookup).ConfigureAwait(false)
        ?? throw new ProvisioningException($"The {key} of the stack cannot be found; it should have been made by an earlier step.");

    /// <summary>The values known so far (looked up or set), for the next invocation of a continued run.</summary>
    public IReadOnlyDictionary<string, string> Known() =>
        _values
            .Where(entry => entry.Value.IsValueCreated && entry.Value.Value.IsCompletedSuccessfully && entry.Value.Value.Result is not null)
            .ToDictionary(entry => entry.Key, entry => entry.Value.Value.Result!, StringComparer.Ordinal);
}
