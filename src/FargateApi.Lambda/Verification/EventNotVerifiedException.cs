namespace FargateApi.Lambda.Verification;

/// <summary>An event the provider did not act on because it could not show it came from CloudFormation; the message is the FAILED Reason.</summary>
internal sealed class EventNotVerifiedException : Exception
{
    public EventNotVerifiedException()
    {
    }

    public EventNotVerifiedException(string message)
        : base(message)
    {
    }

    public EventNotVerifiedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
