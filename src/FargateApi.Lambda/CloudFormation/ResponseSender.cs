using System.Net.Sockets;
using FargateApi.Lambda.Logging;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>How hard to try delivering a response. Every wait is also bounded by the invocation's deadline.</summary>
/// <param name="BaseDelay">Full-jitter backoff: before retry n, wait a random time in [0, min(MaxDelay, BaseDelay·2ⁿ)]
/// (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/; the CDK provider uses the same with 1 s, research [R][U]).</param>
/// <param name="AttemptTimeout">A socket timeout per attempt: a PUT without one can hang until Lambda kills the function (research pitfall 9).</param>
internal sealed record ResponseSenderOptions(TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout, int MaxAttempts)
{
    public static ResponseSenderOptions Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10), 8);
}

/// <summary>
/// PUTs the response to the pre-signed ResponseURL. The URL is never logged: it is a credential for the answer.
/// </summary>
internal sealed class ResponseSender(HttpClient http, ResponseSenderOptions options, TimeProvider time, Func<double> random)
{
    /// <summary>The connection pool for ResponseURLs; timeouts are per attempt, so the client has none.</summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            AllowAutoRedirect = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <returns>True once CloudFormation's bucket accepted the body; false when every attempt failed or time ran out.</returns>
    public async Task<bool> SendAsync(Uri responseUrl, byte[] body, DateTimeOffset deadline, JsonLog log)
    {
        for (var attempt = 1; ; attempt++)
        {
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                log.Error("response.gave_up", ("attempts", attempt - 1), ("why", "deadline"));
                return false;
            }

            var failure = await TryOnceAsync(responseUrl, body, remaining < options.AttemptTimeout ? remaining : options.AttemptTimeout).ConfigureAwait(false);
            if (failure is null)
            {
                log.Info("response.sent", ("attempt", attempt), ("bytes", body.Length));
                return true;
            }

            log.Warn("response.attempt_failed", ("attempt", attempt), ("error", failure.Value.Error), ("retryable", failure.Value.Retryable));
            if (!failure.Value.Retryable || attempt >= options.MaxAttempts)
            {
                log.Error("response.gave_up", ("attempts", attempt), ("why", failure.Value.Retryable ? "attempts" : "not retryable"));
                return false;
            }

            var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
            var delay = TimeSpan.FromMilliseconds(random() * ceiling);
            if (time.GetUtcNow() + delay >= deadline)
            {
                log.Error("response.gave_up", ("attempts", attempt), ("why", "deadline"));
                return false;
            }

            await Task.Delay(delay, time).ConfigureAwait(false);
        }
    }

    private async Task<(string Error, bool Retryable)?> TryOnceAsync(Uri responseUrl, byte[] body, TimeSpan timeout)
    {
        using var attemptTimeout = new CancellationTokenSource(timeout, time);
        using var content = new ByteArrayContent(body);

        // The pre-signed S3 URL is signed for an empty Content-Type: any other value, even the one HttpClient would
        // choose, fails with SignatureDoesNotMatch (research pitfall 8). ByteArrayContent adds none on its own, and
        // the typed ContentType property rejects an empty value, so the header goes in unvalidated.
        content.Headers.TryAddWithoutValidation("Content-Type", string.Empty);
        using var request = new HttpRequestMessage(HttpMethod.Put, responseUrl) { Content = content };
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => null,
                >= 500 => ($"HTTP {status}", true),
                _ => ($"HTTP {status}", false),
            };
        }
        catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested)
        {
            return ($"no answer within {timeout.TotalSeconds:0.###} s", true);
        }
        catch (HttpRequestException exception)
        {
            // The error kind, not the message: messages may quote the request.
            var socketError = (exception.InnerException as SocketException)?.SocketErrorCode;
            return (socketError is null ? $"{exception.HttpRequestError}" : $"{exception.HttpRequestError} ({socketError})", true);
        }
    }
}
