using System.Text;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Logging;
using FargateApi.Lambda.Runtime;

namespace FargateApi.Lambda.Continuation;

/// <summary>
/// Sends an unfinished operation on to a new invocation of this same function. The payload holds the ResponseURL (inside
/// the original event), so it is never logged: only the continuation's own fields are.
/// </summary>
internal sealed class ContinuationHandOff(IContinuationSender sender, IContinuationKey key)
{
    /// <param name="until">When the hand-off must have succeeded, leaving time to answer FAILED if it did not.</param>
    /// <returns>Null once the next invocation is queued; otherwise why it is not, fit for the FAILED Reason.</returns>
    public async Task<string?> HandOffAsync(ContinueResult result, ReadOnlyMemory<byte> originalEvent, InvocationContext context, DateTimeOffset until, JsonLog log)
    {
        var continuation = result.Continuation;
        var waitingFor = $"ECS service '{continuation.Service}' in cluster '{continuation.Cluster}'";
        if (string.IsNullOrEmpty(context.FunctionArn))
        {
            log.Error("continuation.handoff_failed", ("why", "no function ARN"));
            return Failure(result, waitingFor, "the Runtime API did not name the function (no Lambda-Runtime-Invoked-Function-Arn header)");
        }

        var window = until - context.Time.GetUtcNow();
        using var timeout = new CancellationTokenSource(window > TimeSpan.Zero ? window : TimeSpan.Zero, context.Time);
        byte[] payload;
        try
        {
            var continuationJson = Encoding.UTF8.GetBytes(continuation.ToJson());
            var signature = ContinuationSignature.Sign(await key.GetAsync(timeout.Token).ConfigureAwait(false), continuationJson, originalEvent.Span);
            payload = ContinuationEnvelope.Write(continuationJson, originalEvent, context.RequestId, signature);
        }
#pragma warning disable CA1031 // Without the key nothing can be handed on: CloudFormation hears why, as for a failed Invoke.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var reason = $"the continuation key could not be read: {SafeOperation.ReasonFor(exception)}";
            log.Error("continuation.handoff_failed", ("why", "key"), ("errorType", exception.GetType().Name), ("error", reason));
            return Failure(result, waitingFor, reason, $"The provider's role needs secretsmanager:GetSecretValue on the secret {SecretsManagerContinuationKey.Variable} names.");
        }

        log.Info(
            "continuation.handing_off",
            ("operation", continuation.Operation.ToString()),
            ("continuation", continuation.Invocation),
            ("cluster", continuation.Cluster),
            ("service", continuation.Service),
            ("startedAt", continuation.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            ("deadline", continuation.Deadline.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            ("functionArn", context.FunctionArn),
            ("bytes", payload.Length));
        try
        {
            await sender.SendAsync(context.FunctionArn, payload, timeout.Token).ConfigureAwait(false);
            log.Info("continuation.handed_off", ("continuation", continuation.Invocation));
            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            log.Error("continuation.handoff_failed", ("why", "deadline"), ("windowMs", window));
            return Failure(result, waitingFor, $"Lambda did not accept the invocation within {Math.Max(0, window.TotalSeconds):0.#} s");
        }
#pragma warning disable CA1031 // Whatever failed, CloudFormation must hear about it: the caller answers FAILED with this reason.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var reason = SafeOperation.ReasonFor(exception);
            log.Error("continuation.handoff_failed", ("errorType", exception.GetType().Name), ("error", reason));
            return Failure(result, waitingFor, reason);
        }
    }

    private static string Failure(ContinueResult result, string waitingFor, string why, string hint = "The provider's role needs lambda:InvokeFunction on its own function.") =>
        $"{EnumNames.Of(result.RequestType)} could not go on waiting for {waitingFor}: starting the provider's next invocation failed ({why}). " +
        $"Provisioning may be incomplete. {hint}";
}
