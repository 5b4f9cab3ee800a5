using System.Globalization;

namespace FargateApi.Simulation.Adapters;

/// <summary>Pages a list the way AWS does: an opaque token (here the next offset) until the last page.</summary>
internal static class Paging
{
    public static (IReadOnlyList<T> Items, string? Next) Page<T>(IReadOnlyList<T> all, string? token, int? pageSize, int defaultPageSize)
    {
        var start = token is null ? 0 : int.Parse(token, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var size = pageSize is > 0 ? pageSize.Value : defaultPageSize;
        var items = all.Skip(start).Take(size).ToList();
        var next = start + size < all.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : null;
        return (items, next);
    }
}
