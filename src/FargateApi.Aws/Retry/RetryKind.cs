namespace FargateApi.Aws.Retry;

/// <summary>Whether a failed attempt may be repeated, and with which backoff base.</summary>
internal enum RetryKind
{
    /// <summary>The request itself is wrong (validation, not found, quota): repeating it gives the same answer.</summary>
    None,

    /// <summary>5xx, request timeouts, dropped connections: the next attempt may well succeed.</summary>
    Transient,

    /// <summary>The service asks us to slow down.</summary>
    Throttling,
}
