namespace FargateApi.Simulation.Authorization;

/// <summary>
/// The condition keys of one request, built by the access declarations: tags in the request (<c>aws:RequestTag/key</c>
/// and <c>aws:TagKeys</c>), tags on the resource (<c>aws:ResourceTag/key</c>), tags of the principal
/// (<c>aws:PrincipalTag/key</c>), and service keys (IAM User Guide,
/// "AWS global condition context keys"; each service's page of the Service Authorization Reference).
/// </summary>
internal sealed class RequestContext
{
    private readonly Dictionary<string, IReadOnlyList<string>> _keys = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Keys => _keys;

    public RequestContext With(string key, params string[] values)
    {
        if (values.Length > 0)
        {
            _keys[key] = values;
        }

        return this;
    }

    /// <summary>Tags the request sets: aws:RequestTag/key for each, aws:TagKeys for their keys; nothing when there are none.</summary>
    public RequestContext RequestTags(IEnumerable<KeyValuePair<string, string>>? tags)
    {
        var list = tags?.ToList() ?? [];
        foreach (var (key, value) in list)
        {
            _keys[$"aws:RequestTag/{key}"] = [value];
        }

        return list.Count == 0 ? this : With("aws:TagKeys", [.. list.Select(tag => tag.Key)]);
    }

    /// <summary>Tag keys a request removes (UntagResource, RemoveTags): aws:TagKeys.</summary>
    public RequestContext TagKeys(IEnumerable<string> keys) => With("aws:TagKeys", [.. keys]);

    /// <summary>The tags of the principal making the request (a role session: the role's tags): aws:PrincipalTag/key for each.</summary>
    public RequestContext PrincipalTags(IEnumerable<KeyValuePair<string, string>> tags)
    {
        foreach (var (key, value) in tags)
        {
            _keys[$"aws:PrincipalTag/{key}"] = [value];
        }

        return this;
    }

    /// <summary>The tags the resource carries now: aws:ResourceTag/key for each.</summary>
    public RequestContext ResourceTags(IEnumerable<KeyValuePair<string, string>>? tags)
    {
        foreach (var (key, value) in tags ?? [])
        {
            _keys[$"aws:ResourceTag/{key}"] = [value];
        }

        return this;
    }
}
