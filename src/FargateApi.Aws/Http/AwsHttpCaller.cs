using System.Collections.Concurrent;
using System.Globalization;
using FargateApi.Aws.Endpoints;
using FargateApi.Aws.Retry;
using FargateApi.Aws.Signing;

namespace FargateApi.Aws.Http;

/// <summary>
/// The production <see cref="IAwsCaller"/>: resolves the endpoint, signs each attempt with SigV4, sends it over the
/// shared HttpClient, retries throttling and transient failures with jittered backoff inside the caller's deadline,
/// and maps error responses of every protocol to <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class AwsHttpCaller : IAwsCaller
{
    public const string InvocationIdHeader = "amz-sdk-invocation-id";
    public const string RequestInfoHeader = "amz-sdk-request";

    private readonly HttpClient _http;
    private readonly AwsCallerOptions _options;
    private readonly RequestSigner _signer;
    private readonly RetryDelay _delay;
    private readonly ConcurrentDictionary<AwsService, ResolvedEndpoint> _endpoints = new();

    public AwsHttpCaller(AwsCallerOptions options, HttpClient? http = null)
    {
        _options = options;
        _http = http ?? AwsHttpClientFactory.Shared;
        _signer = new RequestSigner(options.Clock);
        _delay = options.Delay ?? ((delay, token) => Task.Delay(delay, options.Clock, token));
    }

    public RetryStatistics Statistics => _options.Statistics;

    public Task<AwsResponse> SendAsync(AwsService service, AwsRequest request, CancellationToken cancellationToken) =>
        SendAsync(service, request, deadline: null, cancellationToken);

    /// <param name="deadline">No backoff is started that would end after this instant (e.g. the Lambda deadline minus a reserve).</param>
    /// <exception cref="AwsServiceException">The service answered with an error that may not be retried, or retries ran out.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled; the last error, if any, is the inner exception.</exception>
    public async Task<AwsResponse> SendAsync(AwsService service, AwsRequest request, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ResolvedEndpoint endpoint = _endpoints.GetOrAdd(service, static (s, o) => EndpointResolver.Resolve(s, o.Region, o.Environment), _options);
        Uri uri = endpoint.Combine(request.PathAndQuery);
        RetryPolicy policy = _options.Retry;
        string invocationId = Guid.NewGuid().ToString();
        DateTimeOffset started = _options.Clock.GetUtcNow();
        _options.Statistics.RecordCall();

        for (int attempt = 1; ; attempt++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                _options.Statistics.RecordFailure();
                cancellationToken.ThrowIfCancellationRequested();
            }

            _options.Statistics.RecordAttempt();
            var context = new AttemptContext(service, request, endpoint, uri, invocationId, attempt, policy.MostAttempts);
            AttemptResult result;
            try
            {
                result = await AttemptAsync(context, policy.AttemptTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _options.Statistics.RecordFailure();
                throw;
            }

            if (result.Response is not null)
            {
                return result.Response;
            }

            AwsServiceException error = result.Error!;
            if (!policy.AllowsRetryAfter(attempt, result.Kind))
            {
                _options.Statistics.RecordFailure();
                throw error;
            }

            TimeSpan backoff;
            lock (_options.Random)
            {
                backoff = Backoff.Compute(attempt, result.Kind, policy, _options.Random);
            }

            DateTimeOffset wakeUp = _options.Clock.GetUtcNow() + backoff;
            if (wakeUp > started + policy.MaxTotalTime || (deadline is { } limit && wakeUp >= limit))
            {
                _options.Statistics.RecordFailure();
                throw error;
            }

            _options.Statistics.RecordRetry(result.Kind, backoff);
            try
            {
                await _delay(backoff, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _options.Statistics.RecordFailure();
                throw new OperationCanceledException(
                    $"Stopped retrying {error.Service}.{error.Operation} after {attempt} attempt(s): the caller cancelled. Last error: {error.Message}",
                    error,
                    cancellationToken);
            }
        }
    }

    private async Task<AttemptResult> AttemptAsync(AttemptContext context, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        string name = AwsErrorParser.Name(context.Service);
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCts.CancelAfter(attemptTimeout);
        try
        {
            using HttpRequestMessage message = BuildMessage(context);
            using HttpResponseMessage response = await _http
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token)
                .ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(attemptCts.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            IReadOnlyDictionary<string, string> headers = CollectHeaders(response);
            if (status is >= 200 and < 300)
            {
                return new AttemptResult(new AwsResponse(status, headers, body), null, RetryKind.None);
            }

            AwsServiceException error = AwsErrorParser.Parse(context.Service, context.Request.Operation, status, headers, body);
            return new AttemptResult(null, error, ErrorClassifier.Classify(error.ErrorCode, status, error.ErrorMessage));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Transient(new AwsServiceException(
                name, context.Request.Operation, "AttemptTimeout",
                $"no complete response from {context.Uri.Host} within {attemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
                0, null, ex));
        }
        catch (HttpRequestException ex)
        {
            return Transient(new AwsServiceException(
                name, context.Request.Operation, "ConnectionError", $"{ex.HttpRequestError}: {ex.Message}", 0, null, ex));
        }
        catch (IOException ex)
        {
            return Transient(new AwsServiceException(name, context.Request.Operation, "ConnectionError", ex.Message, 0, null, ex));
        }
    }

    private HttpRequestMessage BuildMessage(AttemptContext context)
    {
        AwsRequest request = context.Request;
        var toSign = new List<KeyValuePair<string, string>>(request.Headers.Count + 1);
        if (request.ContentType is not null)
        {
            toSign.Add(new("Content-Type", request.ContentType));
        }

        toSign.AddRange(request.Headers);
        SignedRequest signed = _signer.Sign(
            request.Method.Method, context.Uri, toSign, request.Body, _options.Credentials,
            context.Endpoint.SigningRegion, context.Service.SigningName);

        var message = new HttpRequestMessage(request.Method, context.Uri);
        if (request.Body.Length > 0 || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in signed.SignedHeaders)
        {
            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Host = value;
            }
            else if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && message.Content is not null)
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.TryAddWithoutValidation(RequestSigner.AuthorizationHeader, signed.Signature.Authorization);
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        message.Headers.TryAddWithoutValidation(InvocationIdHeader, context.InvocationId);

        // max is the most attempts this call can make (throttles may take it past RetryPolicy.MaxAttempts), so no attempt
        // ever announces a number above its max.
        message.Headers.TryAddWithoutValidation(
            RequestInfoHeader, string.Create(CultureInfo.InvariantCulture, $"attempt={context.Attempt}; max={context.MaxAttempts}"));
        return message;
    }

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            headers[name] = string.Join(',', values);
        }

        foreach (var (name, values) in response.Content.Headers.NonValidated)
        {
            headers[name] = string.Join(',', values);
        }

        return headers;
    }

    private static AttemptResult Transient(AwsServiceException error) => new(null, error, RetryKind.Transient);

    private sealed record AttemptContext(
        AwsService Service, AwsRequest Request, ResolvedEndpoint Endpoint, Uri Uri, string InvocationId, int Attempt, int MaxAttempts);

    private sealed record AttemptResult(AwsResponse? Response, AwsServiceException? Error, RetryKind Kind);
}
