using System.Runtime.CompilerServices;

namespace FargateApi.Aws.Protocols;

/// <summary>
/// Follows a paginator (the models' paginators-1.json: input_token → output_token) until the output token is empty.
/// A service that hands back the token it was just given would loop forever; that is reported instead.
/// </summary>
internal static class Paginator
{
    public static async IAsyncEnumerable<TItem> WalkAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>> items,
        Func<TPage, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        while (true)
        {
            var page = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page))
            {
                yield return item;
            }

            var next = nextToken(page);
            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }

            if (next == token)
            {
                throw new InvalidDataException($"Pagination did not advance: the service answered the token '{next}' it was given.");
            }

            token = next;
        }
    }
}
