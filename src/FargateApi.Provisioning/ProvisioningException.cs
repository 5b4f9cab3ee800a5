namespace FargateApi.Provisioning;

/// <summary>A failure with a message written for the CloudFormation Reason.</summary>
internal sealed class ProvisioningException : Exception
{
    public ProvisioningException()
    {
    }

    public ProvisioningException(string message)
        : base(message)
    {
    }

    public ProvisioningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
